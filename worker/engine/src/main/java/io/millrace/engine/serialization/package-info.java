/**
 * Compact binary serialization for the engine, with no Java serialization anywhere.
 *
 * <ul>
 *   <li>{@link io.millrace.engine.serialization.BinaryWriter} / {@link
 *       io.millrace.engine.serialization.BinaryReader}: growable byte-array writer and a reader over
 *       a byte-array slice (varints, zig-zag longs, UTF-8 strings).
 *   <li>{@link io.millrace.engine.serialization.RecordCodec}: the record model of
 *       pipeline-spec/docs/expressions.md, one tag byte per value, with small-int and short-string
 *       fast paths. Used for exchanges and for record-valued state.
 *   <li>{@link io.millrace.engine.serialization.ValueSerializer}: a versioned serializer of one
 *       type; built-ins in {@link io.millrace.engine.serialization.Serializers}. Serializer
 *       versions are part of the address of state in checkpoints (DESIGN.md §8).
 * </ul>
 *
 * <p>Owned by the engine-state work stream.
 */
package io.millrace.engine.serialization;
