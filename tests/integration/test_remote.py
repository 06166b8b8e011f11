"""The remote backend against a real OpenAI-compatible server on loopback (`transformers serve`
with the embedded model on the CPU), not a hand-written fake."""

import json

import pytest

from app.errors import InferenceError
from inference import protocol as p
from inference.remote import RemoteClient
from tests.conftest import run_cli
from tests.fixtures.model_server import free_port, model_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(embedded_model):
    with model_server(embedded_model.path) as url:
        yield url, str(embedded_model.path)


def test_streams_an_answer_from_the_server(server):
    url, model = server
    client = RemoteClient(url, model)
    assert client.start().device == f"remote {url}"
    pieces = []
    done = client.generate([{"role": "user", "content": "What is the capital of France?"}],
                           p.GenerationParams(max_new_tokens=16), on_token=pieces.append)
    assert len(pieces) > 2 and "".join(pieces) == done.text and "Paris" in done.text
    assert done.timings.prefix_source == "remote" and done.timings.ttft_s > 0


def test_cancel_stops_the_stream(server):
    url, model = server
    client = RemoteClient(url, model)
    client.start()
    pieces = []

    def stop_after_two(text):
        pieces.append(text)
        if len(pieces) == 2:
            client.cancel()

    done = client.generate([{"role": "user", "content": "Write a long story about a dragon."}],
                           p.GenerationParams(max_new_tokens=200), on_token=stop_after_two)
    assert done.finish_reason == p.FINISH_CANCELLED and len(pieces) < 10


def test_unreachable_or_wrong_model_is_one_clear_error(server):
    with pytest.raises(InferenceError) as caught:
        RemoteClient(f"http://127.0.0.1:{free_port()}", "m", timeout=3).start()
    assert "cannot be reached" in caught.value.user_message
    url, _ = server
    with pytest.raises(InferenceError, match="does not serve no-such-model"):
        RemoteClient(url, "no-such-model").start()


def test_ask_through_the_cli_records_the_server_and_model(server, demo_dir):
    url, model = server
    assert run_cli("ingest", "--case", "Demo", str(demo_dir)).returncode == 0
    configured = run_cli("models", "remote", url, model, "--window", "8192")
    assert configured.returncode == 0, configured.stderr
    asked = run_cli("ask", "--case", "Demo", "What is the price of one box under the supply agreement?",
                    "--json", "--max-tokens", "24")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["model"] == f"{model}@{url}" and answer["timings"]["prefix_source"] == "remote"
    assert answer["answer"]
    assert run_cli("models", "remote", "--off").returncode == 0


def test_a_model_on_the_site_server_is_qualified_through_the_same_suite(server):
    url, model = server
    assert run_cli("models", "remote", url, model, "--window", "8192").returncode == 0
    done = run_cli("eval", "--json", timeout=900)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["model"] == f"{model}@{url}" and report["headline"]["items"] == 7
    assert run_cli("models", "remote", "--off").returncode == 0
