"""An error in a file the editor wrote: says which file, which line, and what is wrong."""
from __future__ import annotations


class ConfigError(ValueError):
    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
