package com.migochat.benchmark;

/**
 * One endpoint of the admin console put under load: a name for the table, and its path relative to
 * the application's root (no leading slash) with {@value #PAGE} where each request's page number
 * goes.
 */
record Endpoint(String name, String pathTemplate) {

  static final String PAGE = "{page}";

  Endpoint {
    if (!pathTemplate.contains(PAGE)) {
      throw new IllegalArgumentException(pathTemplate + " has no " + PAGE + " for the page number");
    }
  }

  /** The path of one request, for the page given (from 0). */
  String path(int page) {
    return pathTemplate.replace(PAGE, Integer.toString(page));
  }
}
