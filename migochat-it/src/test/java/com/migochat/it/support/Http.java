package com.migochat.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for one server, with or without the admin's Basic credentials. */
public final class Http {

  /** The admin password the system tests configure. */
  public static final String ADMIN_PASSWORD = "it-admin-Secret-42";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  public Http(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).build());
  }

  /** Whether a browser without a session asking for {@code path} is sent to the login form. */
  public boolean sendsToLogin(String path) {
    HttpResponse<String> response = get(path);
    return response.statusCode() == 302
        && response.headers().firstValue("Location").orElse("").contains("/login.xhtml?from=");
  }

  public HttpResponse<String> getAsAdmin(String path) {
    return getAs(path, "admin", ADMIN_PASSWORD);
  }

  public HttpResponse<String> getAs(String path, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Authorization", "Basic " + token).build());
  }

  /** GETs JSON as admin and fails unless the answer is 200. */
  public JsonObject jsonAsAdmin(String path) {
    HttpResponse<String> response = getAsAdmin(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** GETs a JSON array as admin and fails unless the answer is 200. */
  public JsonArray jsonArrayAsAdmin(String path) {
    HttpResponse<String> response = getAsAdmin(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** POSTs {@code body} with the given headers. */
  public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted during " + request.method() + " " + request.uri(), e);
    }
  }
}
