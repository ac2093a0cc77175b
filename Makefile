# Builds the Lambda artefacts for `sam build` (BuildMethod: makefile in template.yaml).
# Each function gets the shaded jar of its Maven module under lib/, which the java21 runtime puts on the classpath.
PUBLIC_JAR := functions/public/target/yousaid-public.jar
OFFICER_JAR := functions/officer/target/yousaid-officer.jar
WORKER_JAR := functions/analysis-worker/target/yousaid-analysis-worker.jar

$(PUBLIC_JAR):
	./mvnw -q -B -pl functions/public -am package -DskipTests

build-PublicFormFunction: $(PUBLIC_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLIC_JAR) "$(ARTIFACTS_DIR)/lib/"

build-SubmissionApiFunction: $(PUBLIC_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLIC_JAR) "$(ARTIFACTS_DIR)/lib/"

$(OFFICER_JAR):
	./mvnw -q -B -pl functions/officer -am package -DskipTests

build-OfficerFunction: $(OFFICER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(OFFICER_JAR) "$(ARTIFACTS_DIR)/lib/"

$(WORKER_JAR):
	./mvnw -q -B -pl functions/analysis-worker -am package -DskipTests

build-AnalysisWorkerFunction: $(WORKER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(WORKER_JAR) "$(ARTIFACTS_DIR)/lib/"

PUBLISHER_JAR := functions/publisher/target/yousaid-publisher.jar

$(PUBLISHER_JAR):
	./mvnw -q -B -pl functions/publisher -am package -DskipTests

build-PublishFunction: $(PUBLISHER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLISHER_JAR) "$(ARTIFACTS_DIR)/lib/"

.PHONY: build-PublishFunction build-AnalysisWorkerFunction build-OfficerFunction build-PublicFormFunction build-SubmissionApiFunction
