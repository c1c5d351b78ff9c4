package dev.polpocheck.record;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Error responses the proxy makes itself, shaped as Anthropic's own ({@code {"type":"error",
 * "error":{"type":...,"message":...}}}, https://platform.claude.com/docs/en/api/errors) so every
 * client's error handling and retry logic treats them as it treats Anthropic's: 502 {@code
 * api_error} when the upstream cannot be reached or fails before answering, 504 {@code
 * timeout_error} when it does not answer in time. Messages name the cause, never a header value.
 */
final class AnthropicErrors {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The upstream could not be reached or broke before sending a status. */
  static final String UNREACHABLE = "api_error";
  /** The upstream sent nothing for longer than the timeout. */
  static final String TIMEOUT = "timeout_error";

  private AnthropicErrors() {}

  /** The JSON body of an error of {@code type} with {@code message}. */
  static byte[] body(String type, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "error");
    ObjectNode e = o.putObject("error");
    e.put("type", type);
    e.put("message", message);
    return JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
  }
}
