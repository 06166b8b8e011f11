"""The real worker process with the real embedded model: streaming, cancel, errors, death."""

import os
import signal

import pytest

from app.errors import InferenceError, WorkerDied
from app.model_session import ModelSession
from inference import protocol as p
from inference.client import WorkerClient

pytestmark = pytest.mark.slow

COUNT = [{"role": "user", "content": "Write a long story about a dragon."}]


@pytest.fixture(scope="module")
def worker(embedded_model):
    with WorkerClient() as client:
        client.load_model(embedded_model.path, embedded_model.model_id)
        yield client


def test_worker_says_hello_and_loads_the_model(worker, embedded_model):
    assert worker.info.protocol == p.PROTOCOL_VERSION
    assert worker.info.device.startswith(("cpu", "cuda"))
    assert worker.model.model_id == embedded_model.model_id
    assert worker.model.window == 8192


def test_tokens_stream_and_add_up_to_the_answer(worker):
    pieces = []
    done = worker.generate(COUNT, p.GenerationParams(max_new_tokens=24), on_token=pieces.append)
    assert len(pieces) > 3
    assert "".join(pieces) == done.text
    assert done.finish_reason == p.FINISH_LENGTH
    assert done.timings.decode_tokens == 24 and done.timings.prefill_tokens > 10


def test_greedy_decoding_is_repeatable(worker):
    params = p.GenerationParams(max_new_tokens=12)
    assert worker.generate(COUNT, params).text == worker.generate(COUNT, params).text


def test_cancel_stops_generation_and_the_worker_goes_on(worker):
    pieces = []

    def cancel_after_three(text):
        pieces.append(text)
        if len(pieces) == 3:
            worker.cancel()

    done = worker.generate(COUNT, p.GenerationParams(max_new_tokens=200), on_token=cancel_after_three)
    assert done.finish_reason == p.FINISH_CANCELLED
    assert done.timings.decode_tokens < 20
    assert worker.generate(COUNT, p.GenerationParams(max_new_tokens=3)).finish_reason == p.FINISH_LENGTH


def test_a_prompt_longer_than_the_window_is_refused_not_crashed(worker):
    huge = [{"role": "user", "content": "word " * 9000}]
    with pytest.raises(InferenceError) as caught:
        worker.generate(huge, p.GenerationParams(max_new_tokens=4))
    assert caught.value.kind == "context_too_long"
    assert worker.alive


def test_a_bad_model_folder_is_a_model_load_error(tmp_path):
    with WorkerClient() as client:
        with pytest.raises(InferenceError) as caught:
            client.load_model(tmp_path, "nothing-here")
        assert caught.value.kind == "model_load"
        assert client.alive


def test_a_killed_worker_raises_worker_died_and_the_session_restarts(embedded_model):
    session = ModelSession(embedded_model)
    try:
        session.start()
        first_pid = session.worker_pid
        os.kill(first_pid, signal.SIGKILL)
        with pytest.raises(WorkerDied) as caught:
            session.generate(COUNT, p.GenerationParams(max_new_tokens=2))
        assert "restart" in caught.value.user_message.lower()
        done = session.generate(COUNT, p.GenerationParams(max_new_tokens=2))
        assert done.timings.decode_tokens == 2
        assert session.worker_pid != first_pid
    finally:
        session.close()
