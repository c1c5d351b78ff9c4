package dev.polpocheck.record;

import java.util.List;
import java.util.Map;

/**
 * The credential a request carried, reduced to what may be written: a stable profile label (a
 * keyed fingerprint, so the key or token itself never leaves this class) and how it
 * authenticates.
 *
 * <p>Anthropic takes API keys in {@code x-api-key} and OAuth access tokens (Claude subscriptions,
 * {@code sk-ant-oat…}) as {@code Authorization: Bearer}; pi-ai 0.62.0 sends exactly these two
 * (dist/providers/anthropic.js createClient, lines 411-466). The official Java SDK 3.16.0 sends an
 * API key as {@code Authorization: Bearer} too (com.anthropic.internal.core.http.StaticAuthHeaders,
 * seen by JavaSdkClientTest), so a bearer credential is typed by its prefix: Anthropic's API keys
 * start {@code sk-ant-api}, its OAuth access tokens {@code sk-ant-oat}; any other bearer token is
 * taken for OAuth. One key gets one label whichever header carries it. When both headers are
 * present the API key in {@code x-api-key} names the profile.
 *
 * @param profile the label, e.g. {@code anthropic:key-3f9a1c2b7d10}
 * @param type "api-key" or "oauth"
 */
record Credential(String profile, String type) {

  /** The credential of a request's headers (lower-case names), or null when it carries none. */
  static Credential of(Map<String, List<String>> headers, Fingerprints fp) {
    String key = first(headers, "x-api-key");
    if (key != null && !key.isBlank()) {
      return apiKey(key.strip(), fp);
    }
    String auth = first(headers, "authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && auth.length() > 7) {
      String token = auth.substring(7).strip();
      if (token.startsWith(API_KEY_PREFIX)) {
        return apiKey(token, fp);
      }
      return new Credential("anthropic:oauth-" + fp.of("oauth", token), "oauth");
    }
    return null;
  }

  private static final String API_KEY_PREFIX = "sk-ant-api";

  private static Credential apiKey(String key, Fingerprints fp) {
    return new Credential("anthropic:key-" + fp.of("api-key", key), "api-key");
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
