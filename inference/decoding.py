"""Decoding pieces of the engine: choosing the next token, turning ids into text as they come,
and where a stop string ends an answer. Worker side (torch)."""

from __future__ import annotations

import torch

from inference import protocol as p


def stop_at(text: str, stops: tuple[str, ...]) -> int | None:
    """Where the first stop string begins, once the answer has begun (leading blanks and a
    leading stop string do not end an answer that has not started)."""
    begun = len(text) - len(text.lstrip())
    hits = [at for stop in stops if stop and (at := text.find(stop, begun)) >= 0]
    return min(hits) if hits else None



class Sampler:
    """Greedy at temperature 0; otherwise seeded temperature + top-p sampling."""

    def __init__(self, params: p.GenerationParams) -> None:
        self.params = params
        self.generator = torch.Generator().manual_seed(params.seed)

    def next_token(self, logits: torch.Tensor) -> int:
        if self.params.temperature <= 0:
            return int(torch.argmax(logits))
        probs = torch.softmax(logits.cpu() / self.params.temperature, dim=-1)
        if self.params.top_p < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            keep = torch.cumsum(sorted_probs, dim=-1) - sorted_probs < self.params.top_p
            probs = torch.zeros_like(probs).scatter(0, order[keep], sorted_probs[keep])
        return int(torch.multinomial(probs, 1, generator=self.generator))


class TextStream:
    """Turns a growing list of token ids into new text pieces, holding back split characters."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.text = ""

    def push(self, ids: list[int]) -> str:
        text = self.tokenizer.decode(ids, skip_special_tokens=True)
        if text.endswith("\ufffd"):
            return ""  # a multi-byte character is not complete yet
        return self._advance(text)

    def flush(self, ids: list[int]) -> str:
        return self._advance(self.tokenizer.decode(ids, skip_special_tokens=True))

    def _advance(self, text: str) -> str:
        if not text.startswith(self.text):
            # Decoding can re-merge earlier text; emit nothing rather than a wrong diff.
            self.text = text
            return ""
        piece, self.text = text[len(self.text):], text
        return piece
