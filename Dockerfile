# rewire in a container: builds the jar with Maven, runs it on a Java 17 runtime.
#   docker build -t rewire .
#   docker run --rm rewire run --duration 5s --seed 1
# The OpenCL runtime (ICD loader and PoCL for CPUs) is installed already, for the OpenCL backend;
# for an NVIDIA GPU, run with `--gpus all` and an /etc/OpenCL/vendors/nvidia.icd naming
# libnvidia-opencl.so.1 (the NVIDIA container toolkit mounts the driver library).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY examples examples
COPY kernels kernels
COPY models models
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends ocl-icd-libopencl1 pocl-opencl-icd \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/rewire.jar /opt/rewire/rewire.jar
WORKDIR /work
# The JDK's signal chaining, so that PoCL's LLVM cannot take over the JVM's signal handlers.
ENV LD_PRELOAD=/opt/java/openjdk/lib/libjsig.so
ENTRYPOINT ["java", "-jar", "/opt/rewire/rewire.jar"]
CMD ["--help"]
