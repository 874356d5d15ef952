package com.migochat.runner.upgrade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The SHA-256 of every file an XML changelog reads: the master, every included changelog and every
 * file a change or a property reads ({@code file} and {@code path} attributes), in the order
 * Liquibase meets them. Each changelog is read with an XML parser, so quoting, namespaces, comments
 * and line breaks are read as Liquibase reads them.
 *
 * <p>Gives no digest (the fast boot check then always asks Liquibase) for what this reading cannot
 * vouch for: a changelog that is not XML (YAML, JSON, formatted SQL), a document type or an entity,
 * {@code includeAll} (a new file in the folder changes nothing that is read here), {@code
 * runAlways}, changesets skipped without being recorded ({@code onFail}/{@code onError} {@code
 * CONTINUE}, {@code failOnError="false"}), {@code valueBlobFile}/{@code valueClobFile}, a missing
 * file, and {@code ${…}} anywhere, since a property's value may come from outside the files.
 */
final class ChangeLogDigest {

  private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /**
   * What a changelog must contain for its reading to find more than its bytes: the names read
   * below, a reference that could spell one of their values, a document type. XML has no other way
   * to spell a name, so a file with none of these (most files of a long changelog) is not parsed.
   */
  private static final Pattern WORTH_PARSING =
      Pattern.compile(
          "include|file|path|runAlways|onFail|onError|failOnError"
              + "|valueBlobFile|valueClobFile|&|<!DOCTYPE");

  /** Attributes, and the value of each, that make a changeset run again or stay unrecorded. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "runAlways", "true", "onFail", "CONTINUE", "onError", "CONTINUE", "failOnError", "false");

  /** A file a changelog names: another changelog ({@code include}) or a file a change reads. */
  private record Reference(String file, boolean changeLog) {}

  private final ClassLoader resources;
  private final MessageDigest digest = sha256();
  private final Set<String> visited = new HashSet<>();

  private ChangeLogDigest(ClassLoader resources) {
    this.resources = resources;
  }

  /** The digest of {@code changeLog} and everything it reads, or empty when it cannot vouch. */
  static Optional<String> of(ClassLoader resources, String changeLog) {
    ChangeLogDigest reading = new ChangeLogDigest(resources);
    return reading.changeLog(changeLog)
        ? Optional.of(HexFormat.of().formatHex(reading.digest.digest()))
        : Optional.empty();
  }

  private boolean changeLog(String file) {
    if (!file.endsWith(".xml")) {
      return false;
    }
    if (!visited.add(file)) {
      return true;
    }
    byte[] content = digested(file);
    if (content == null) {
      return false;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (!WORTH_PARSING.matcher(text).find()) {
      return true;
    }
    List<Reference> references = new ArrayList<>();
    try {
      XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(content));
      boolean root = true;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          return false;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (root && !"databaseChangeLog".equals(xml.getLocalName())) {
            return false;
          }
          root = false;
          if ("includeAll".equals(xml.getLocalName()) || !readable(xml, file, references)) {
            return false;
          }
        }
      }
    } catch (XMLStreamException e) {
      return false;
    }
    for (Reference reference : references) {
      if (reference.changeLog() ? !changeLog(reference.file()) : !file(reference.file())) {
        return false;
      }
    }
    return true;
  }

  /** Reads the element's attributes; false when one makes the changelog unreadable here. */
  private static boolean readable(XMLStreamReader xml, String file, List<Reference> references) {
    String target = null;
    boolean relative = false;
    for (int index = 0; index < xml.getAttributeCount(); index++) {
      String name = xml.getAttributeLocalName(index);
      String value = xml.getAttributeValue(index).strip();
      if ((name.startsWith("value") && name.endsWith("File"))
          || value.equalsIgnoreCase(REFUSED.get(name))) {
        return false;
      }
      if (name.equals("file") || name.equals("path")) {
        target = value;
      }
      relative |= name.startsWith("relativeToChange") && value.equalsIgnoreCase("true");
    }
    if (target != null) {
      references.add(
          new Reference(
              relative ? sibling(file, target) : target, "include".equals(xml.getLocalName())));
    }
    return true;
  }

  private boolean file(String file) {
    return !visited.add(file) || digested(file) != null;
  }

  /** Adds the file's name and content to the digest; null when it is missing or has a property. */
  private byte[] digested(String file) {
    byte[] content;
    try (InputStream in = resources.getResourceAsStream(file)) {
      if (in == null) {
        return null;
      }
      content = in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
    if (file.contains("${") || hasProperty(content)) {
      return null;
    }
    digest.update(file.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(content);
    return content;
  }

  private static boolean hasProperty(byte[] content) {
    for (int index = 1; index < content.length; index++) {
      if (content[index] == '{' && content[index - 1] == '$') {
        return true;
      }
    }
    return false;
  }

  private static String sibling(String file, String relative) {
    Path parent = Path.of(file).getParent();
    Path resolved = parent == null ? Path.of(relative) : parent.resolve(relative);
    return resolved.normalize().toString().replace('\\', '/');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
