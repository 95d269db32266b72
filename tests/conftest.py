"""Shared fixtures: a socket guard that proves tools never touch the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


class NetworkAccessError(RuntimeError):
    """Raised when code under test tries to open a network connection."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Block every outgoing connection and DNS lookup for the duration of a test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkAccessError("network access attempted during an offline-only test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
