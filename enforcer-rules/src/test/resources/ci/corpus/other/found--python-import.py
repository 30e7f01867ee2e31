# detail: imports it as a module
# tool: lib/worm_storage/worm_storage_engine.py
from worm_storage.worm_storage_engine import WormStorage
