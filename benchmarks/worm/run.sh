#!/usr/bin/env bash
# WORM benchmarks: append cost per entry and verify-chain on a long chain vs sha512sum.
# Usage: benchmarks/worm/run.sh [appends=300] [chain=100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -pl maven-plugin -am -DskipTests -Dinvoker.skip=true package
./mvnw -B -ntp -q -pl maven-plugin dependency:build-classpath -Dmdep.outputFile=target/worm-bench.classpath
CP="maven-plugin/target/classes:$(cat target/worm-bench.classpath)"
exec java -cp "$CP" benchmarks/worm/WormBenchmark.java "$@"
