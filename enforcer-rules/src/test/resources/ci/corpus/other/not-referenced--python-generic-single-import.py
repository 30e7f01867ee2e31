# detail: only in a comment
# tool: lib/engine.py
import engine
