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

build-ImportWorkerFunction: $(OFFICER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(OFFICER_JAR) "$(ARTIFACTS_DIR)/lib/"

$(WORKER_JAR):
	./mvnw -q -B -pl functions/analysis-worker -am package -DskipTests

build-AnalysisWorkerFunction: $(WORKER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(WORKER_JAR) "$(ARTIFACTS_DIR)/lib/"

build-AnalysisShardFunction: $(WORKER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(WORKER_JAR) "$(ARTIFACTS_DIR)/lib/"

build-AnalysisReduceFunction: $(WORKER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(WORKER_JAR) "$(ARTIFACTS_DIR)/lib/"

PUBLISHER_JAR := functions/publisher/target/yousaid-publisher.jar

$(PUBLISHER_JAR):
	./mvnw -q -B -pl functions/publisher -am package -DskipTests

build-PublishFunction: $(PUBLISHER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLISHER_JAR) "$(ARTIFACTS_DIR)/lib/"

build-ErasureRepublishFunction: $(PUBLISHER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUBLISHER_JAR) "$(ARTIFACTS_DIR)/lib/"

NOTIFIER_JAR := functions/notifier/target/yousaid-notifier.jar

$(NOTIFIER_JAR):
	./mvnw -q -B -pl functions/notifier -am package -DskipTests

build-ActionAlertFunction: $(NOTIFIER_JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(NOTIFIER_JAR) "$(ARTIFACTS_DIR)/lib/"

# The AWS WAF web ACL for the main stack's ApiWebAclArn parameter (waf.yaml). CloudFront takes web ACLs only from
# us-east-1, so this is its own small stack there; run it once before the first `sam deploy`, and again after
# changing waf.yaml. `make waf-acl WAF_STACK=yousaid-test-waf STAGE=test` for a second deployment.
WAF_STACK ?= yousaid-waf
STAGE ?= live

waf-acl:
	aws cloudformation deploy --region us-east-1 --stack-name $(WAF_STACK) --template-file waf.yaml \
	  --parameter-overrides StageName=$(STAGE) --no-fail-on-empty-changeset
	aws cloudformation describe-stacks --region us-east-1 --stack-name $(WAF_STACK) \
	  --query "Stacks[0].Outputs[?OutputKey=='WebAclArn'].OutputValue" --output text

.PHONY: waf-acl build-ImportWorkerFunction build-PublishFunction build-ErasureRepublishFunction build-AnalysisWorkerFunction build-OfficerFunction build-PublicFormFunction build-SubmissionApiFunction
