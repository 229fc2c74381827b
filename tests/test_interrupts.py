"""Ctrl-C and SIGTERM handling: held during a write, SIGTERM as an interruption (no model)."""

from __future__ import annotations

import os
import signal

import pytest

from quoteattr.io.interrupts import Terminated, deferred_interrupts, exit_code, handle_termination


def test_interrupts_sigint_is_held_until_the_block_ends() -> None:
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt) as info, deferred_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        steps.append("after the signal")
    assert steps == ["after the signal"]
    assert not isinstance(info.value, Terminated)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_interrupts_sigterm_held_becomes_terminated() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated), deferred_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == before


def test_interrupts_block_without_signal_does_not_raise() -> None:
    with deferred_interrupts():
        pass


def test_interrupts_handle_termination_raises_and_restores() -> None:
    before = signal.getsignal(signal.SIGTERM)
    steps: list[str] = []
    with pytest.raises(Terminated), handle_termination():
        os.kill(os.getpid(), signal.SIGTERM)
        steps.append("not reached")
    assert steps == []
    assert signal.getsignal(signal.SIGTERM) == before


def test_interrupts_exit_codes() -> None:
    assert (exit_code(KeyboardInterrupt()), exit_code(Terminated())) == (130, 143)
