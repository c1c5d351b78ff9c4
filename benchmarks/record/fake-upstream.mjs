// A fake Anthropic Messages endpoint for the record benchmark: answers every request with the
// same small Message (200, JSON, request-id and rate-limit headers) after reading its body.
// Usage: node fake-upstream.mjs PORT
import http from "node:http";

const body = JSON.stringify({
  id: "msg_bench", type: "message", role: "assistant", model: "claude-sonnet-4-5-20250929",
  content: [{ type: "text", text: "ok" }], stop_reason: "end_turn", stop_sequence: null,
  usage: { input_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 }, output_tokens: 1 },
});
let n = 0;
http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "request-id": "req_bench_" + (n++),
      "anthropic-ratelimit-requests-limit": "4000",
      "anthropic-ratelimit-requests-remaining": "3999",
    });
    res.end(body);
  });
}).listen(Number(process.argv[2]), "127.0.0.1");
