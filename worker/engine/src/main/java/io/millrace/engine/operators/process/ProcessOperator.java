package io.millrace.engine.operators.process;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.operators.DeadLetterRouter;
import io.millrace.engine.operators.KeyExtractor;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.operators.Settings;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * process: the keyed state machine in CEL, as the spec's {@code process} node defines it.
 *
 * <p>For each record, {@code onRecord} runs with {@code value}, {@code key}, {@code timestamp} and
 * every declared state (its current value); its {@code update} expressions are ALL evaluated against
 * the state before the event, then written (null clears); {@code emit} yields the records to send
 * (event time = the record's); {@code setTimer} registers an event-time timer for the key. When the
 * watermark passes a timer, {@code onTimer} runs the same way with {@code value = null}, {@code
 * timestamp = timer = } the timer's time. A failing expression sends the record to the dead-letter
 * output and changes no state. State names are the declared names (DESIGN.md §8 identities); timers
 * use namespace 0.
 */
public final class ProcessOperator implements OneInputOperator {

  private KeyedStateBackend backend;
  private TimerService timers;
  private KeyExtractor keys;
  private DeadLetterRouter deadLetters;
  private List<ProcessStateSlot> slots;
  private ProcessHandlerProgram onRecord;
  private ProcessHandlerProgram onTimer;

  @Override
  public void open(OperatorContext context) {
    Settings settings = new Settings(context.nodeId(), context.settings());
    backend = context.keyedStateBackend();
    timers = context.timerService();
    keys = KeyExtractor.of(context, settings, "keyBy");
    deadLetters = new DeadLetterRouter(context);
    slots = new ArrayList<>();
    ExpressionScope scope = ExpressionScope.forRecord(RecordType.dynamicRecord());
    if (settings.has("state")) {
      for (Object entry : settings.list("state")) {
        Settings declared = new Settings(context.nodeId(), asMap(entry));
        String name = declared.string("name");
        String kind = declared.string("kind");
        String type = declared.optionalString("type");
        slots.add(ProcessStateSlot.bind(backend, context.nodeId(), name, kind, type,
            Optional.ofNullable(declared.optionalDurationMillis("ttl"))));
        scope = scope.withScalar(name, scopeType(kind, type));
      }
    }
    onRecord = compile(context, settings.object("onRecord"), "onRecord", scope);
    onTimer = settings.has("onTimer")
        ? compile(context, settings.object("onTimer"), "onTimer", scope.withScalar("timer", FieldType.TIMESTAMP))
        : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object entry) {
    return (Map<String, Object>) entry;
  }

  private static FieldType scopeType(String kind, String type) {
    return switch (kind) {
      case "list" -> FieldType.LIST;
      case "map" -> FieldType.MAP;
      default -> {
        if (type == null) {
          yield FieldType.ANY;
        }
        try {
          yield FieldType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
          yield FieldType.ANY;
        }
      }
    };
  }

  private ProcessHandlerProgram compile(OperatorContext context, Settings handler, String where, ExpressionScope scope) {
    Map<String, CompiledExpression> updates = new LinkedHashMap<>();
    if (handler.has("update")) {
      for (Map.Entry<String, Object> update : handler.object("update").values().entrySet()) {
        if (slots.stream().noneMatch(s -> s.name().equals(update.getKey()))) {
          throw new OperatorSetupException(context.nodeId(), where + ".update names '" + update.getKey()
              + "', which is not declared in `state`: declare it or remove the update");
        }
        updates.put(update.getKey(), context.compile(where + ".update." + update.getKey(), String.valueOf(update.getValue()),
            scope, ExpressionKind.VALUE));
      }
    }
    CompiledExpression emit = handler.has("emit")
        ? context.compile(where + ".emit", handler.string("emit"), scope, ExpressionKind.LIST) : null;
    CompiledExpression setTimer = handler.has("setTimer")
        ? context.compile(where + ".setTimer", handler.string("setTimer"), scope, ExpressionKind.TIMESTAMP) : null;
    return new ProcessHandlerProgram(updates, emit, setTimer);
  }

  @Override
  public void processRecord(StreamRecord record, Output out) {
    Object key = record.key();
    if (key == null) {
      try {
        key = keys.keyOf(record);
      } catch (RecordFailure failure) {
        deadLetters.route(out, record, "keyBy", failure.reason());
        return;
      }
      backend.setCurrentKey(key);
    }
    long ts = record.hasTimestamp() ? record.timestamp() : timers.currentProcessingTime();
    run(onRecord, record.value(), key, ts, null, record, out);
  }

  @Override
  public void onEventTimeTimer(Timer timer, Output out) {
    if (onTimer == null) {
      return;
    }
    StreamRecord context = new StreamRecord(null, timer.key(), timer.timestamp());
    run(onTimer, null, timer.key(), timer.timestamp(), timer.timestamp(), context, out);
  }

  private void run(ProcessHandlerProgram handler, Object value, Object key, long ts, Long timer, StreamRecord cause, Output out) {
    backend.setCurrentNamespace(0);
    Map<String, Object> variables = new HashMap<>();
    variables.put("value", value);
    variables.put("key", key);
    variables.put("timestamp", Instant.ofEpochMilli(ts));
    for (ProcessStateSlot slot : slots) {
      variables.put(slot.name(), slot.read());
    }
    if (timer != null) {
      variables.put("timer", Instant.ofEpochMilli(timer));
    }
    ProcessHandlerProgram.Effects effects;
    try {
      effects = handler.run(variables);
      for (ProcessStateSlot slot : slots) {
        if (effects.updates().containsKey(slot.name())) {
          String problem = slot.rejects(effects.updates().get(slot.name()));
          if (problem != null) {
            throw new RecordFailure(problem);
          }
        }
      }
    } catch (RecordFailure failure) {
      deadLetters.route(out, cause, timer == null ? "onRecord" : "onTimer", failure.reason());
      return;
    }
    for (ProcessStateSlot slot : slots) {
      if (effects.updates().containsKey(slot.name())) {
        slot.write(effects.updates().get(slot.name()));
      }
    }
    for (Object emitted : effects.emitted()) {
      out.collect(new StreamRecord(emitted, key, ts));
    }
    if (effects.timer() != null) {
      timers.registerEventTimeTimer(0, effects.timer());
    }
  }
}
