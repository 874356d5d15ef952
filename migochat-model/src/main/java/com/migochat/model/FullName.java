package com.migochat.model;

/**
 * How a display name is built from a first and a last name. The changeset that introduced {@code
 * users.full_name} fills existing rows with the same rule in SQL.
 */
final class FullName {

  private FullName() {}

  static String of(String firstName, String lastName) {
    if (firstName == null) {
      return lastName;
    }
    if (lastName == null) {
      return firstName;
    }
    return firstName + " " + lastName;
  }
}
