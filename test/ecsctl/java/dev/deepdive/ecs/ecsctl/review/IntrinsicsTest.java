package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** CloudFormation values rendered readably. */
class IntrinsicsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String render(String json) throws Exception {
    return Intrinsics.render(JSON.readTree(json));
  }

  @Test
  void rendersGetAttAsLogicalIdDotAttribute() throws Exception {
    assertThat(render("{\"Fn::GetAtt\":[\"ClusterEB0386A7\",\"Arn\"]}")).isEqualTo("ClusterEB0386A7.Arn");
  }

  @Test
  void rendersRefAsTheLogicalId() throws Exception {
    assertThat(render("{\"Ref\":\"Vpc8378EB38\"}")).isEqualTo("Vpc8378EB38");
  }

  @Test
  void concatenatesJoinWithPlaceholdersForReferences() throws Exception {
    assertThat(render("{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},\":s3:::\","
        + "{\"Ref\":\"Bucket\"},\"/\",{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}]]}"))
        .isEqualTo("arn:${AWS::Partition}:s3:::${Bucket}/${Role.Arn}");
  }

  @Test
  void rendersImportValueAsImport() throws Exception {
    assertThat(render("{\"Fn::ImportValue\":\"dev-Network:VpcId\"}")).isEqualTo("import(dev-Network:VpcId)");
  }

  @Test
  void fillsInTheVariablesOfSub() throws Exception {
    assertThat(render("{\"Fn::Sub\":[\"arn:${AWS::Partition}:ecs:${Name}\",{\"Name\":{\"Ref\":\"Cluster\"}}]}"))
        .isEqualTo("arn:${AWS::Partition}:ecs:${Cluster}");
  }

  @Test
  void rendersOtherFunctionsAsCalls() throws Exception {
    assertThat(render("{\"Fn::If\":[\"IsProd\",{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]},\"a\"]}"))
        .isEqualTo("if(IsProd, select(0, azs()), a)");
  }

  @Test
  void findsTheLogicalIdAReferencePointsTo() throws Exception {
    JsonNode getAtt = JSON.readTree("{\"Fn::GetAtt\":[\"Bastion\",\"GroupId\"]}");
    assertThat(Intrinsics.referencedId(getAtt)).isEqualTo("Bastion");
  }

  @Test
  void readsNumbersWrittenAsText() throws Exception {
    assertThat(Intrinsics.literalInt(JSON.readTree("\"30\""))).hasValue(30);
    assertThat(Intrinsics.literalInt(JSON.readTree("{\"Ref\":\"Count\"}"))).isEmpty();
  }
}
