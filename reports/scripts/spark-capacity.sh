#!/usr/bin/env bash
# Capacity measurements for reports/spark-scaling.md ("capacity on Spark"): the CLI jar and the
# launcher's embedded java command, from a frozen copy of the build made with
#   (cd spark && mvn -B -q package -DskipTests dependency:build-classpath \
#     -Dmdep.outputFile=$PWD/target/classpath.txt -Dmdep.includeScope=compile)
#   mkdir -p /tmp/spark2/frozen /tmp/spark2/demo && cp -a spark/target/classes \
#     spark/target/classpath.txt spark/jvm-options spark/conf target/polpo-check.jar /tmp/spark2/frozen/
# Results are appended to /tmp/spark2/capacity.txt.
set -u
cd /tmp/spark2/demo
F=/tmp/spark2/frozen
mapfile -t jvm < <(grep -v '^#' $F/jvm-options)
ARGS="capacity --sessions-per-day 500 --runs 4 --tiers tier1,tier2 --max-organisations 3 --seed 1"
uptime >> /tmp/spark2/capacity.txt
/usr/bin/time -f "cli threads=2 wall=%e user=%U sys=%S maxrss_kb=%M" nice -n 10 java -Xmx2g -jar $F/polpo-check.jar $ARGS --threads 2 --report cli > /dev/null 2>> /tmp/spark2/capacity.txt
spark() { # NAME MASTER CANDIDATES
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "spark $1 wall=%e user=%U sys=%S maxrss_kb=%M" nice -n 10 java "${jvm[@]}" -Xmx2g -Dspark.master="$2" -Dspark.polpocheck.candidatesAtOnce=$3 -Dlog4j2.configurationFile=$F/conf/log4j2.properties -Djava.awt.headless=true -cp "$F/classes:$(cat $F/classpath.txt)" dev.polpocheck.spark.SparkMain $ARGS --report "$1" > /dev/null 2>> /tmp/spark2/capacity.txt
}
spark local2-one 'local[2]' 1
spark local2-default 'local[2]' 0
spark local1-default 'local[1]' 0
uptime >> /tmp/spark2/capacity.txt
for d in local2-one local2-default local1-default; do cmp cli/result.json $d/result.json && echo "$d result.json identical to cli" >> /tmp/spark2/capacity.txt; done
echo done >> /tmp/spark2/capacity.txt
# The split before this change (one job per (candidate, load), a unit = (candidate, load, run)),
# for comparison: commit b211fd4's main module compiled (mvn -o compile in a worktree of it) and
# its spark/ sources compiled against it into /tmp/spark2/oldspark (javac -d, same classpath
# less the installed polpo-check jar, plus the old target/classes). Run with OLD=1.
if [ "${OLD:-0}" = 1 ]; then
  CP=$(tr ':' '\n' < $F/classpath.txt | grep -v 'polpo-check' | paste -sd:)
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "spark old-split local[2] wall=%e user=%U sys=%S maxrss_kb=%M" nice -n 10 java "${jvm[@]}" -Xmx2g -Dspark.master='local[2]' -Dlog4j2.configurationFile=$F/conf/log4j2.properties -Djava.awt.headless=true -cp "/tmp/spark2/oldspark:$CP" dev.polpocheck.spark.SparkMain $ARGS --report old > /dev/null 2>> /tmp/spark2/capacity.txt
  cmp cli/result.json old/result.json && echo "old result.json identical to cli" >> /tmp/spark2/capacity.txt
  uptime >> /tmp/spark2/capacity.txt
fi
