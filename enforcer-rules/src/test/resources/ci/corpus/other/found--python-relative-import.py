# detail: imports it as a module
# tool: ci/gate_engine.py
from .gate_engine import Gate
