package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks above are only worth something if they reject what is wrong: misspelt fields, wrong types, unknown kinds. */
class ValidatorsBiteTest {

    @Test
    void aMisspeltFieldInACoreKindIsRejected() {
        Manifests.Resource service = Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: x
                spec:
                  ports:
                    - port: 8080
                      targetPrt: http
                """, "test").get(0);
        assertThat(CoreKinds.problems(service)).singleElement().asString().contains("targetPrt");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        Manifests.Resource deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: two
                """, "test").get(0);
        assertThat(CoreKinds.problems(deployment)).isNotEmpty();
    }

    @Test
    void anUnknownKindIsRejected() {
        Manifests.Resource unknown = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: x
                """, "test").get(0);
        assertThat(CoreKinds.problems(unknown)).isNotEmpty();
    }

    @Test
    void aMisspeltOrMistypedFieldInACustomResourceIsRejected() {
        Manifests.Resource topic = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: x
                  labels:
                    strimzi.io/cluster: dsr-kafka
                spec:
                  partitons: 6
                  replicas: three
                """, "test").get(0);
        assertThat(ClusterManifestsTest.SCHEMAS.problems(topic)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("partitons"))
                .anySatisfy(problem -> assertThat(problem).contains("replicas"));
    }

    @Test
    void aValidCustomResourcePasses() {
        Manifests.Resource database = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata:
                  name: x
                spec:
                  cluster:
                    name: dsr-postgres
                  name: x
                  owner: x
                """, "test").get(0);
        assertThat(ClusterManifestsTest.SCHEMAS.problems(database)).isEmpty();
    }
}
