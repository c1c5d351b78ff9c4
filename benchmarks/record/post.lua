-- wrk script: one small Messages API request (as an agent turn would send, minus the context).
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.headers["anthropic-version"] = "2023-06-01"
wrk.headers["x-api-key"] = "bench-not-a-real-key"
wrk.body = '{"model":"claude-sonnet-4-5-20250929","max_tokens":64,"system":"You are a benchmark.","messages":[{"role":"user","content":"ping"}]}'
wrk.path = "/v1/messages"
