package com.migochat.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.testing.ExpectedChangeSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The runner reads changelogs without checking them against Liquibase's XML schema, which is most
 * of what a long changelog costs at every start. The build checks every shipped changelog file
 * against that schema here instead, which catches what parsing alone lets through, such as a
 * mistyped attribute.
 */
class ChangeLogSchemaTest {

  private static final Path SHIPPED = Path.of("src", "main", "resources", "db", "changelog");

  @Test
  void everyShippedChangeLogFileIsValidAgainstLiquibasesSchema() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SHIPPED)) {
      files = walk.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
    }

    assertEquals(1 + ExpectedChangeSets.IDS.size(), files.size(), "the master and the changes");
    for (Path file : files) {
      schema().newValidator().validate(new StreamSource(file.toFile()));
    }
  }

  @Test
  void aMistypedAttributeIsRejected() {
    Path mistyped = Path.of("src", "test", "resources", "db", "test", "mistyped-changelog.xml");

    SAXParseException rejected =
        assertThrows(
            SAXParseException.class,
            () -> schema().newValidator().validate(new StreamSource(mistyped.toFile())));
    assertTrue(rejected.getMessage().contains("'typ'"), rejected.getMessage());
  }

  private static Schema schema() throws SAXException, IOException {
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(
            ChangeLogSchemaTest.class.getResource(
                "/www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"));
  }
}
