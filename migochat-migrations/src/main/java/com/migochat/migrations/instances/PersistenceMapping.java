package com.migochat.migrations.instances;

import com.migochat.runner.instance.MappedSchema;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.ManyToManyMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * The tables and columns a persistence unit reads and writes, from EclipseLink's descriptors: each
 * entity's tables and fields (embedded and foreign-key columns included once the descriptors are
 * initialised, after login), and the join tables of many-to-many and element-collection mappings.
 */
final class PersistenceMapping {

  private final Map<String, Set<String>> columns = new TreeMap<>();

  private PersistenceMapping() {}

  static MappedSchema of(Session session) {
    PersistenceMapping mapping = new PersistenceMapping();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      if (!descriptor.isAggregateDescriptor()) {
        mapping.add(descriptor);
      }
    }
    return MappedSchema.of(mapping.columns);
  }

  private void add(ClassDescriptor descriptor) {
    String primary =
        descriptor.getTables().isEmpty() ? null : descriptor.getTables().get(0).getName();
    descriptor
        .getTables()
        .forEach(table -> columns.computeIfAbsent(table.getName(), t -> new TreeSet<>()));
    addFields(primary, descriptor.getFields());
    for (DatabaseMapping mapping : descriptor.getMappings()) {
      if (mapping.getField() != null) {
        addFields(primary, java.util.List.of(mapping.getField()));
      }
      addFields(primary, mapping.getFields());
      if (mapping instanceof ManyToManyMapping join) {
        addFields(name(join.getRelationTable()), join.getSourceRelationKeyFields());
        addFields(name(join.getRelationTable()), join.getTargetRelationKeyFields());
      } else if (mapping instanceof DirectCollectionMapping collection) {
        String table = name(collection.getReferenceTable());
        addFields(table, collection.getReferenceKeyFields());
        if (collection.getDirectField() != null) {
          addFields(table, java.util.List.of(collection.getDirectField()));
        }
      }
    }
  }

  /** Adds {@code fields}, each to its own table, or to {@code table} when it names none yet. */
  private void addFields(String table, Collection<DatabaseField> fields) {
    if (fields == null) {
      return;
    }
    for (DatabaseField field : fields) {
      String owner =
          field.getTableName() == null || field.getTableName().isEmpty()
              ? table
              : field.getTableName();
      if (owner != null && field.getName() != null && !field.getName().isEmpty()) {
        columns.computeIfAbsent(owner, t -> new TreeSet<>()).add(field.getName());
      }
    }
  }

  private static String name(DatabaseTable table) {
    return table == null || table.getName().isEmpty() ? null : table.getName();
  }
}
