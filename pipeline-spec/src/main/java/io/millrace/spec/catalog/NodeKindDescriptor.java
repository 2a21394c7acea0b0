package io.millrace.spec.catalog;

import io.millrace.spec.statediff.NodeStateModel;
import java.util.List;
import java.util.Optional;

/**
 * The one typed description of a node kind (a built-in operator or a connector): everything the
 * schema, the validator and the console's palette and forms need.
 *
 * @param settings the kind-specific settings only; {@link Catalog#nodeShape} adds the common ones
 * @param minInputs least number of inputs (0 for sources)
 * @param maxInputs most number of inputs, or -1 for any
 * @param keyed whether the node needs a key ({@code keyBy} or a {@code key-by} input)
 * @param sideOutputs outputs besides the main one
 * @param rules cross-setting rules that no single setting type expresses, in prose (documented in
 *     the schema's description; checked by the validator)
 * @param sourceOutput for a source, the record type it emits given its settings; the other kinds'
 *     output types follow the operator rules of the validator's type flow
 * @param stateModel the state a node of this kind keeps, as a function of its settings (DESIGN.md
 *     §8.1): what the state diff between two pipeline versions compares
 */
public record NodeKindDescriptor(
    String name,
    NodeRole role,
    String description,
    SettingType.ObjectType settings,
    int minInputs,
    int maxInputs,
    boolean keyed,
    List<SideOutput> sideOutputs,
    List<String> rules,
    boolean connector,
    OutputTypeRule sourceOutput,
    NodeStateModel stateModel) {

  public NodeKindDescriptor {
    sideOutputs = List.copyOf(sideOutputs);
    rules = List.copyOf(rules);
    sourceOutput = sourceOutput == null ? OutputTypeRule.declaredSchemaOrDynamic() : sourceOutput;
    stateModel = stateModel == null ? NodeStateModel.STATELESS : stateModel;
  }

  /** A kind that keeps no state (until {@link #withStateModel}). */
  public NodeKindDescriptor(
      String name,
      NodeRole role,
      String description,
      SettingType.ObjectType settings,
      int minInputs,
      int maxInputs,
      boolean keyed,
      List<SideOutput> sideOutputs,
      List<String> rules,
      boolean connector,
      OutputTypeRule sourceOutput) {
    this(name, role, description, settings, minInputs, maxInputs, keyed, sideOutputs, rules, connector, sourceOutput,
        NodeStateModel.STATELESS);
  }

  /** This kind, keeping the state {@code model} declares. */
  public NodeKindDescriptor withStateModel(NodeStateModel model) {
    return new NodeKindDescriptor(name, role, description, settings, minInputs, maxInputs, keyed, sideOutputs, rules,
        connector, sourceOutput, model);
  }

  /** A kind whose sources, if any, are typed by their declared {@code schema} only. */
  public NodeKindDescriptor(
      String name,
      NodeRole role,
      String description,
      SettingType.ObjectType settings,
      int minInputs,
      int maxInputs,
      boolean keyed,
      List<SideOutput> sideOutputs,
      List<String> rules,
      boolean connector) {
    this(name, role, description, settings, minInputs, maxInputs, keyed, sideOutputs, rules, connector, null);
  }

  public Optional<SideOutput> sideOutput(String outputName) {
    return sideOutputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
  }

  /** Human wording of the input arity, e.g. "exactly 2 inputs". */
  public String inputArity() {
    if (maxInputs == minInputs) {
      return "exactly " + minInputs + (minInputs == 1 ? " input" : " inputs");
    }
    if (maxInputs < 0) {
      return "at least " + minInputs + (minInputs == 1 ? " input" : " inputs");
    }
    return "between " + minInputs + " and " + maxInputs + " inputs";
  }
}
