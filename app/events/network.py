"""The address phones on the laptop's network should use: portable, no POSIX-only calls."""

import os
import socket

# A documentation-only address (TEST-NET-1): connecting a UDP socket to it sends nothing, but
# makes the system choose the interface it would route through, which is the LAN address.
PROBE = ("192.0.2.1", 9)


def lan_address() -> str:
    """Return this machine's address on its network, falling back to the hostname's."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(PROBE)
        address = probe.getsockname()[0]
    except OSError:
        address = ""
    finally:
        probe.close()
    if address and not address.startswith(("0.", "127.")):
        return address
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"


def phone_address(host: str, port: int) -> str:
    """Return the address to give phones, for a server listening on host:port."""
    shown = lan_address() if host in ("0.0.0.0", "", "::") else host
    return f"{shown}:{port}" if port != 80 else shown


def listening_socket(host: str, port: int) -> socket.socket:
    """Return a socket bound to host:port for waitress, or raise OSError if it is taken."""
    family, kind, proto, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        # Elsewhere a restart may reuse a port still closing; on Windows the same option
        # would let two servers share a port, so it is left off there.
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock
