"""The local AWS as a process: moto's server with the extension installed, until SIGTERM or SIGINT."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import threading

import local_aws

ENDPOINT_ENV = "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="local-aws",
        description="The local AWS (moto %s) with AWS::BedrockAgentCore::Runtime and ::RuntimeEndpoint served by the"
        " local AgentCore at $%s." % (local_aws.MOTO_VERSION, ENDPOINT_ENV),
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (the default): a free port, printed on the first line")
    parser.add_argument(
        "--agentcore-endpoint",
        default=os.environ.get(ENDPOINT_ENV),
        help=f"the local AgentCore's control plane (default ${ENDPOINT_ENV})",
    )
    args = parser.parse_args(argv)
    if not args.agentcore_endpoint:
        parser.error(f"no local AgentCore: pass --agentcore-endpoint URL or export {ENDPOINT_ENV}")
    if not 0 <= args.port <= 65535:
        parser.error(f"--port {args.port}: not a port (0 to 65535)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ[ENDPOINT_ENV] = args.agentcore_endpoint
    local_aws.install()  # before the server parses any template: moto caches its type map at first use

    # What moto's ThreadedMotoServer does, on a socket bound here: a taken port is one line and exit 1, not werkzeug's
    # two lines (and not a hang, as ThreadedMotoServer.start waits forever for a server that failed to bind).
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
    from werkzeug.serving import make_server

    try:
        family = socket.getaddrinfo(args.host, args.port, type=socket.SOCK_STREAM)[0][0]
        listening = socket.socket(family, socket.SOCK_STREAM)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((args.host, args.port))
        listening.listen(128)
    except OSError as e:
        print(f"local-aws: cannot listen on {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 1
    server = make_server(args.host, listening.getsockname()[1], DomainDispatcherApplication(create_backend_app),
                         threaded=True, request_handler=MotoRequestHandler, fd=listening.fileno())
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    serving = threading.Thread(target=server.serve_forever, name="local-aws", daemon=True)
    serving.start()
    host, port = server.server_address[:2]
    print(f"local-aws: listening on http://{host}:{port} (moto {local_aws.MOTO_VERSION}), AgentCore resources"
          f" through {args.agentcore_endpoint}", flush=True)
    print(f"export AWS_ENDPOINT_URL=http://{host}:{port}", flush=True)
    while not stop.wait(0.5):  # a timed wait lets the signal handlers run
        pass
    server.shutdown()
    serving.join()
    return 0
