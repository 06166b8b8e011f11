"""The real worker process with the real embedded model: streaming, cancel, errors, death."""

import os
import signal

import pytest

from app.errors import InferenceError, WorkerDied
from app.models.session import ModelSession
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


DOCUMENTS = ("<document id=\"D1\" name=\"contract.pdf\">\n<page n=\"1\">\nThe price is $4.15 per box. "
             "Delivery is due on March 14, 2025.\n</page>\n</document>")


def _question(text):
    return [{"role": "system", "content": "Answer from the documents."},
            {"role": "user", "content": f"{DOCUMENTS}\n\nQuestion: {text}"}]


def test_a_kept_prefix_gives_the_same_answer_and_costs_only_the_question(worker, tmp_path):
    params = p.GenerationParams(max_new_tokens=12)
    plain = worker.generate(_question("What is the price?"), params)
    spec = p.Prefix(text=DOCUMENTS, cache_id="demo", cache_dir=str(tmp_path), cache_key="ab" * 32)
    first = worker.generate(_question("What is the price?"), params, prefix=spec)
    again = worker.generate(_question("What is the price?"), params, prefix=spec)
    other = worker.generate(_question("When is delivery due?"), params, prefix=spec)
    assert first.text == again.text == plain.text
    assert (first.timings.prefix_source, again.timings.prefix_source) == ("prefill", "memory")
    assert again.timings.prefill_tokens < first.timings.prefill_tokens / 3
    assert other.timings.prefix_source == "memory" and other.text != first.text
    assert (tmp_path / "demo.kv").is_file()


def test_prefill_reports_progress_and_cancel_stops_between_chunks(embedded_model):
    long_prompt = [{"role": "user", "content": "The contract says: " + "terms and conditions apply. " * 400}]
    with WorkerClient() as client:
        client.load_model(embedded_model.path, embedded_model.model_id, prefill_chunk=128)
        seen = []

        def cancel_after_two(progress):
            seen.append(progress)
            if len(seen) == 2:
                client.cancel()

        done = client.generate(long_prompt, p.GenerationParams(max_new_tokens=5),
                               on_progress=cancel_after_two)
        assert done.finish_reason == p.FINISH_CANCELLED and done.timings.decode_tokens == 0
        assert [s.done for s in seen[:2]] == [128, 256] and seen[0].total > 1000
        assert seen[1].rate > 0 and seen[1].eta_s > 0
        assert client.generate(COUNT, p.GenerationParams(max_new_tokens=2)).timings.decode_tokens == 2


def test_a_killed_worker_is_noticed_within_a_second(embedded_model):
    import threading
    import time

    with WorkerClient() as client:
        client.load_model(embedded_model.path, embedded_model.model_id)
        killed_at = []

        def kill_soon():
            time.sleep(1.0)
            killed_at.append(time.perf_counter())
            os.kill(client.pid, signal.SIGKILL)

        threading.Thread(target=kill_soon).start()
        with pytest.raises(WorkerDied):
            client.generate(COUNT, p.GenerationParams(max_new_tokens=400))
        assert time.perf_counter() - killed_at[0] < 1.0


def test_the_in_process_transport_answers_like_the_worker(worker, embedded_model):
    from inference.inprocess import InProcessClient

    local = InProcessClient()
    local.start()
    local.load_model(embedded_model.path, embedded_model.model_id)
    params = p.GenerationParams(max_new_tokens=10)
    assert local.generate(COUNT, params).text == worker.generate(COUNT, params).text
