from typing import Any

__all__ = ["__version__", "vocab"]

__version__: str

def vocab(name: str) -> list[dict[str, Any]]: ...
