"""Built-in plugins: parsers and exporters registered with the same hooks as anyone's.

Each module here imports only the public ``diplomacy_corpus`` namespace, so it could
move to its own distribution unchanged.
"""
