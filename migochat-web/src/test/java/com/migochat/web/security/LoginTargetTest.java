package com.migochat.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginTargetTest {

  @ParameterizedTest
  @ValueSource(strings = {"/admin/migrations.xhtml", "/admin/reports/daily-2026.xhtml"})
  void aConsolePageIsWhereTheLoginGoesNext(String from) {
    assertEquals(from, LoginTarget.of(from));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/admin/",
        "/admin",
        "//evil.example/admin/x",
        "/admin//evil.example",
        "/admin/../api/leads",
        "/admin/..",
        "/admin/\\evil.example",
        "/admin/%2e%2e/api/leads",
        "/admin/x\r\nSet-Cookie: a=b",
        "/admin/x\u0000",
        "https://evil.example/admin/x",
        "javascript:alert(1)//admin/x",
        "/api/leads",
        "/admin/migrations.xhtml?next=//evil.example"
      })
  void anythingElseGoesToTheConsolesMainPage(String from) {
    assertEquals("/admin/migrations.xhtml", LoginTarget.of(from));
  }

  @Test
  void noFromGoesToTheConsolesMainPage() {
    assertEquals("/admin/migrations.xhtml", LoginTarget.of(null));
  }
}
