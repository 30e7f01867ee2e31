#!/usr/bin/env bash
# Measures the ciReferences rule on a generated repository (150 workflows x 200 lines) against
# baselines measured in the same run. Not part of the build; run from anywhere:
#   benchmarks/ci-references/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -pl enforcer-rules compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime
exec java -Xmx256m -cp "enforcer-rules/target/classes:$(cat enforcer-rules/target/benchmark.classpath)" \
  benchmarks/ci-references/CiReferencesBenchmark.java
