#!/usr/bin/env bash
# Scaling measurements for reports/spark-scaling.md: the CLI jar and the launcher's embedded java
# command (frozen copies of the build at the measured commit), made after building with
# spark/polpo-check-spark once:
#   mkdir -p /tmp/spark/frozen /tmp/spark/demo && cp -a spark/target/classes spark/target/classpath.txt \
#     spark/jvm-options spark/conf target/polpo-check.jar /tmp/spark/frozen/
# Results are appended to /tmp/spark/measure.txt.
set -u
cd /tmp/spark/demo
F=/tmp/spark/frozen
mapfile -t jvm < <(grep -v '^#' $F/jvm-options)
ARGS="forecast --runs 40 --horizon 7d --seed 1"
for i in 1 2; do
for t in 1 2; do
  /usr/bin/time -f "cli threads=$t wall=%e user=%U sys=%S maxrss_kb=%M" nice -n 10 java -Xmx2g -jar $F/polpo-check.jar $ARGS --threads $t --report cli$t > /dev/null 2>> /tmp/spark/measure.txt
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "spark local[$t] wall=%e user=%U sys=%S maxrss_kb=%M" nice -n 10 java "${jvm[@]}" -Xmx2g -Dspark.master="local[$t]" -Dlog4j2.configurationFile=$F/conf/log4j2.properties -Djava.awt.headless=true -cp "$F/classes:$(cat $F/classpath.txt)" dev.polpocheck.spark.SparkMain $ARGS --report spark$t > /dev/null 2>> /tmp/spark/measure.txt
done
done
for t in 1 2; do cmp cli1/result.json spark$t/result.json && echo "spark$t result.json identical to cli1" >> /tmp/spark/measure.txt; done
echo done >> /tmp/spark/measure.txt
