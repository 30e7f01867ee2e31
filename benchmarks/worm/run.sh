#!/usr/bin/env bash
# WORM benchmarks: append cost per entry and verify-chain on a long chain vs sha512sum.
# Usage: benchmarks/worm/run.sh [appends=300] [chain=100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -pl maven-plugin -am -DskipTests -Dinvoker.skip=true package
./mvnw -B -ntp -q -pl maven-plugin -am dependency:build-classpath -Dmdep.outputFile="$PWD/target/worm-bench.classpath"
CP="maven-plugin/target/classes:$(cat target/worm-bench.classpath)"
# The reactor writes the file once per module; the plugin module, built last, wins.
exec java -cp "$CP" benchmarks/worm/WormBenchmark.java "$@"
