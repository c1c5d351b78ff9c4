#!/usr/bin/env python3
"""Writes the Jazzer seed corpora of the parser fuzz tests (src/test/resources/.../*Inputs/).

Every seed starts with the three control bytes of dev.polpocheck.Fuzzing#planted: b"\\0\\0\\0"
leaves the input as it is, b"\\x01" + a 16-bit offset plants the canary key there. Run from the
repository root; the seeds are small hand-written inputs (no data from ../shared).
"""
import json, os

ROOT = "src/test/resources/dev/polpocheck"
PLAIN = b"\0\0\0"

def canary_at(off):
    return bytes([1, off >> 8, off & 0xff])

def write(cls_dir, method, seeds):
    d = os.path.join(ROOT, cls_dir, method)
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(seeds):
        body = s.encode("utf-8") if isinstance(s, str) else s
        for tag, ctl in (("plain", PLAIN), ("canary", canary_at(len(body) // 2))):
            with open(os.path.join(d, f"seed-{i:02d}-{tag}"), "wb") as f:
                f.write(ctl + body)

json_seeds = [
    '{"settings": {"logLevel": "info", "modelAllowlist": {"anthropic:claude-opus-4-6": {}}}}\n',
    '{"project": "p", "providers": {"anthropic": {"apiKey": "${ANTHROPIC_API_KEY}"}}, "a": [1, 2.5, -3e10, true, false, null]}',
    '[{"name": "dev", "role": "dev", "reportsTo": "lead", "model": "claude-sonnet-4-6"}]',
    '\ufeff{"k": "v\\u00e9\\n\\t\\"", "k": 2}',
    '{"deep": [[[[[[{"x": {}}]]]]]], "s": "\\ud83d\\ude00"}',
]
write("json/JsonReaderFuzzTestInputs", "parse_anyBytes_documentOrJsonReadException", json_seeds)

env_seeds = [
    "ANTHROPIC_API_KEY=abc\nexport OPENAI_API_KEY='x y'\n# comment\n=novalue\nEMPTY=\n",
    'A="quoted"\r\nB = spaced \u00a0\nC=`tick`\nD=\'single\nno equals line\n',
]
write("config/ConfigParsersFuzzTestInputs", "envFile_anyBytes_entriesOrNothing", env_seeds)

ref_seeds = [
    "${ANTHROPIC_API_KEY}", "$HOME/x", "${A:-default}", "${B:?missing}", "os.environ/KEY",
    "prefix ${} ${1X} $$ ${a.b} ${\u00e9} ${UNCLOSED", "%HOME% $env:PATH {{ env.X }}",
]
write("config/ConfigParsersFuzzTestInputs", "envReferences_anyValue_offsetsInsideValue", ref_seeds)

spec_seeds = [
    "anthropic:claude-opus-4-6", "claude-sonnet-4-6", "openrouter/anthropic/claude-3",
    "gpt-5", "deepseek-chat", "hf:org/model", ":", "anthropic:", "US.amazon.nova",
]
write("config/ConfigParsersFuzzTestInputs", "modelSpec_anyText_parsedOrEmpty", spec_seeds)

native_seeds = [
    '{"timestamp":"2026-10-01T12:00:00.123Z","session":"s1","agent":"dev","model":"claude-opus-4-6",'
    '"role":"agent","status":"ok","latencyMs":1200,"batch":false,"speed":"standard",'
    '"cacheRetention":"short","usage":{"input":1200,"output":350,"cacheRead":48000,'
    '"cacheWrite":1000,"cacheWrite5m":400,"cacheWrite1h":600,"cost":{"total":0.0123}}}\n'
    '{"timestamp":1759320000000,"session":"s1","model":"claude-haiku-4-5","requestId":"req_1",'
    '"usage":{"input":1,"output":1}}\n',
    '{"timestamp":"2026-10-01T12:00:00+02:00","session":"s","model":"m","usage":{"input":-1}}\n'
    'not json\n\n{"timestamp":99999999999999999999,"session":"s","model":"m","usage":{}}\n',
]
write("trace/TraceReadersFuzzTestInputs", "nativeJsonl_anyBytes_callsOrProblems", native_seeds)

cc_line = {"parentUuid": None, "isSidechain": False, "type": "assistant", "sessionId": "s9",
           "uuid": "u1", "timestamp": "2026-10-02T00:00:00.000Z", "requestId": "req_1",
           "message": {"id": "msg_1", "role": "assistant", "model": "claude-opus-4-6",
                       "content": [{"type": "text", "text": "hi"}],
                       "usage": {"input_tokens": 10, "output_tokens": 5,
                                 "cache_creation_input_tokens": 100,
                                 "cache_read_input_tokens": 2000,
                                 "cache_creation": {"ephemeral_5m_input_tokens": 40,
                                                    "ephemeral_1h_input_tokens": 60},
                                 "service_tier": "standard", "speed": "fast"}}}
side = dict(cc_line, isSidechain=True, agentId="a1")
cc_seeds = [
    '{"type":"file-history-snapshot","messageId":"x","snapshot":{}}\n'
    '{"type":"user","message":{"role":"user","content":"what is usage?"}}\n'
    + json.dumps(cc_line) + "\n" + json.dumps(cc_line) + "\n",
    json.dumps(side) + "\n" + '{"type":"progress","sessionId":"s9","data":{"message":'
    + json.dumps(cc_line) + "}}\n",
]
write("trace/TraceReadersFuzzTestInputs", "claudeCode_anyBytes_callsOrProblems", cc_seeds)

traj = {"info": {"model_stats": {"instance_cost": 0.1, "api_calls": 2}, "exit_status": "Submitted",
                 "config": {"model": {"model_name": "anthropic/claude-sonnet-4-5"}},
                 "mini_version": "1.1"},
        "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"},
                     {"role": "assistant", "content": "a", "extra": {"response": {
                         "id": "r1", "created": 1759320000, "model": "claude-sonnet-4-5",
                         "usage": {"prompt_tokens": 100, "completion_tokens": 20,
                                   "prompt_tokens_details": {"cached_tokens": 50},
                                   "cache_creation_input_tokens": 10}}}}],
        "trajectory_format": "mini-swe-agent-1.1"}
write("trace/TraceReadersFuzzTestInputs", "miniSweAgent_anyBytes_callsOrProblems",
      [json.dumps(traj, indent=1), '{"info":{},"messages":"x"}'])

scenario_seeds = [
    '{"variant": "polpo-docs",\n "profiles": [{"id": "anthropic:a", "provider": "anthropic",'
    ' "type": "oauth", "monthlySpendCapUsd": 100.5, "tokenLifetimeMinutes": 480},'
    ' {"id": "anthropic:b", "provider": "anthropic", "type": "api_key", "organisation": "o"}],\n'
    ' "pin": {"profile": "anthropic:a", "kind": "user"}, "cache": {"retention": "1h"},\n'
    ' "cooldownMinutes": [1, 5], "remap": [{"from": "claude-opus-4-6", "to": "claude-sonnet-4-6"}],'
    ' "retry": {"sdkMaxRetries": 2}, "timing": {"compression": 10}}',
    open("src/main/resources/dev/polpocheck/sim/default-scenario.json").read(),
    '{"rotation": "random", "profiles": [{"id": "x"}, {"id": "x"}]}',
]
write("sim/ScenarioFilesFuzzTestInputs", "scenario_anyBytes_scenarioOrUserInputException",
      scenario_seeds)
