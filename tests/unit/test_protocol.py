import pytest

from inference import protocol as p

EXAMPLES = [
    p.Hello(id=1),
    p.LoadModel(id=2, path="/models/x", model_id="x", device="cpu"),
    p.Generate(id=3, messages=({"role": "user", "content": "Zoë’s “quote”"},),
               params=p.GenerationParams(max_new_tokens=7, temperature=0.5, seed=3, stop=("\n",))),
    p.Cancel(id=4, target=3),
    p.Shutdown(id=5),
    p.Ready(id=1, device="cpu", model_id="x", window=8192, dtype="float32", load_s=0.5),
    p.Progress(id=3, phase="prefill", done=10, total=20),
    p.Token(id=3, seq=1, text="Hel"),
    p.Done(id=3, finish_reason=p.FINISH_CANCELLED, text="Hel",
           timings=p.Timings(prefill_tokens=9, ttft_s=0.1, decode_tokens=1)),
    p.Error(id=None, kind="internal", message="boom", traceback="tb"),
]


@pytest.mark.parametrize("message", EXAMPLES, ids=lambda m: m.type)
def test_every_message_survives_a_round_trip(message):
    line = p.encode(message)
    assert line.endswith("\n") and "\n" not in line[:-1]
    assert p.decode(line) == message


def test_frames_carry_version_type_and_id():
    assert p.encode(p.Hello(id=7)).startswith('{"v":1,"type":"hello","id":7')


@pytest.mark.parametrize("line, problem", [
    ("not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"v": 2, "type": "hello", "id": 1}', "version"),
    ('{"v": 1, "type": "reboot", "id": 1}', "unknown message type"),
    ('{"v": 1, "type": "hello", "id": 1, "evil": true}', "unknown fields"),
])
def test_malformed_frames_are_refused(line, problem):
    with pytest.raises(p.ProtocolError, match=problem):
        p.decode(line)


def test_a_malformed_nested_field_is_a_protocol_error_not_a_crash():
    with pytest.raises(p.ProtocolError):
        p.decode('{"v": 1, "type": "generate", "id": 3, "params": {"max_new_tokens": 5, "bogus": 1}}')


def test_child_processes_get_no_secrets_and_no_core_dumps():
    import resource
    import subprocess
    import sys

    from inference.offline import SECRET_ENV, without_secrets

    env = without_secrets({"CASEFILE_PASSPHRASE": "x", "CASEFILE_PDF_PASSWORD": "y", "PATH": "/bin"})
    assert env == {"PATH": "/bin"} and "CASEFILE_RECOVERY_KEY" in SECRET_ENV
    code = "from inference.offline import harden_process; import resource; harden_process(); " \
           "print(resource.getrlimit(resource.RLIMIT_CORE))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "(0, 0)"
    assert resource.RLIMIT_CORE  # the limit exists on this platform


def test_a_stop_string_ends_an_answer_only_once_it_has_begun():
    from inference.decoding import stop_at

    assert stop_at("March 4, 2021 [D1 p1]\nD1: D1: D1:", ("\n",)) == len("March 4, 2021 [D1 p1]")
    assert stop_at("\n\nMarch 4", ("\n",)) is None  # blank lines before the answer do not end it
    assert stop_at("no newline yet", ("\n",)) is None
