# detail: line 3
set -e
bash tools/gate.sh
