package com.migochat.web.boundary.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the console's views, relative to the console page. */
final class ConsoleUrl {

  private ConsoleUrl() {}

  /** One page of the history in an order, with a filter. */
  static String history(long page, int size, String sort, boolean ascending, String filter) {
    StringBuilder url =
        new StringBuilder("migrations.xhtml?page=")
            .append(page)
            .append("&size=")
            .append(size)
            .append("&sort=")
            .append(sort)
            .append("&dir=")
            .append(ascending ? "asc" : "desc");
    if (!filter.isEmpty()) {
      url.append("&q=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
