package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.littlebrain.runtime.memory.ArenaRequests;
import dev.littlebrain.runtime.memory.BufferRequest;
import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Metadata;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.OperatorCode;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterTest {

    private static ConformanceCase kws() {
        Path dir = ConformanceCases.all().stream().filter(p -> p.getFileName().toString().equals("dscnn_small_int8"))
                .findFirst().orElseThrow();
        return ConformanceCase.load(dir);
    }

    @Test
    void invokeAllocatesNothing() {
        ConformanceCase c = kws();
        Interpreter interpreter = new Interpreter(c.model());
        byte[] input = c.input(0);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 200; i++) { // let the JIT settle
            interpreter.input(0).copyFrom(input);
            interpreter.invoke();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100; i++) {
            interpreter.input(0).copyFrom(input);
            interpreter.invoke();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // The measurement itself may cost a few hundred bytes; per-invoke garbage would be 100x that.
        assertTrue(allocated < 2048, "100 invokes allocated " + allocated + " bytes");
    }

    @Test
    void arenaTooSmallNamesTheRequiredSize() {
        ConformanceCase c = kws();
        int needed = new Interpreter(c.model()).arenaBytes();
        var e = assertThrows(ArenaTooSmallException.class,
                () -> new Interpreter(c.model(), InterpreterOptions.defaults().withArenaBytes(needed - 1)));
        assertEquals(needed, e.required());
        assertTrue(e.getMessage().contains(String.valueOf(needed)));
        // Exactly enough works, and a larger arena gives the same results.
        Interpreter roomy = new Interpreter(c.model(), InterpreterOptions.defaults().withArenaBytes(needed + 4096));
        ConformanceCase.feed(roomy, c.input(0));
        roomy.invoke();
        assertArrayEquals(c.output(0), ConformanceCase.collect(roomy));
    }

    @Test
    void unsupportedOperatorIsNamedWithItsIndex() {
        ConformanceCase c = kws();
        Model m = c.model();
        List<OperatorCode> codes = new ArrayList<>(m.operatorCodes());
        codes.set(0, OperatorCode.builtin(BuiltinOperator.RESIZE_BILINEAR));
        Model patched = new Model(m.version(), codes, m.subgraphs(), m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
        var e = assertThrows(UnsupportedOperatorException.class, () -> new Interpreter(patched));
        assertTrue(e.getMessage().contains("RESIZE_BILINEAR (operator"), e.getMessage());
    }

    @Test
    void omittedRequiredInputIsAClearError() {
        // Regression (found by ModelFuzzTest): an input marked omitted (-1) reached PACK as null.
        ConformanceCase c = kws();
        Model m = c.model();
        var g = m.mainSubgraph();
        List<dev.littlebrain.tflite.Operator> ops = new ArrayList<>(g.operators());
        int last = ops.size() - 1;
        var op = ops.get(last);
        List<Integer> inputs = new ArrayList<>(op.inputs());
        inputs.set(0, -1);
        ops.set(last, new dev.littlebrain.tflite.Operator(op.opcodeIndex(), inputs, op.outputs(), op.options(), null,
                List.of()));
        Model broken = new Model(m.version(), m.operatorCodes(), List.of(new dev.littlebrain.tflite.Subgraph(g.name(),
                g.tensors(), g.inputs(), g.outputs(), ops)), m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
        var e = assertThrows(KernelException.class, () -> new Interpreter(broken));
        assertTrue(e.getMessage().contains("operator " + last) && e.getMessage().contains("required input 0"),
                e.getMessage());
    }

    @Test
    void offlinePlannedOffsetsAreHonoured() {
        ConformanceCase c = kws();
        Model m = c.model();
        // Plan offline: every arena tensor in its own slot, in index order (wasteful but valid).
        List<BufferRequest> requests = ArenaRequests.of(m, m.mainSubgraph());
        int tensors = m.mainSubgraph().tensors().size();
        int[] offsets = new int[tensors];
        java.util.Arrays.fill(offsets, -1);
        int next = 0;
        for (BufferRequest r : requests) {
            offsets[r.tensorIndex()] = next;
            next += r.size();
        }
        ByteBuffer meta = ByteBuffer.allocate(12 + 4 * tensors).order(ByteOrder.LITTLE_ENDIAN);
        meta.putInt(1).putInt(0).putInt(tensors);
        for (int o : offsets) {
            meta.putInt(o);
        }
        List<Buffer> buffers = new ArrayList<>(m.buffers());
        buffers.add(Buffer.of(meta.array()));
        List<Metadata> metadata = new ArrayList<>(m.metadata());
        metadata.add(new Metadata(ArenaRequests.OFFLINE_PLAN_METADATA, buffers.size() - 1));
        Model planned = new Model(m.version(), m.operatorCodes(), m.subgraphs(), m.description(), buffers, metadata,
                m.signatureDefs());
        Interpreter interpreter = new Interpreter(planned);
        assertEquals(next, interpreter.arenaBytes());
        for (int k = 0; k < c.examples(); k++) {
            ConformanceCase.feed(interpreter, c.input(k));
            interpreter.invoke();
            assertArrayEquals(c.output(k), ConformanceCase.collect(interpreter));
        }
    }

    @Test
    void profilingCountsEveryOperator() {
        ConformanceCase c = kws();
        Interpreter interpreter = new Interpreter(c.model(), InterpreterOptions.defaults().withProfiling(true));
        ConformanceCase.feed(interpreter, c.input(0));
        interpreter.invoke();
        interpreter.invoke();
        assertEquals(c.model().mainSubgraph().operators().size(), interpreter.profile().size());
        assertTrue(interpreter.profile().stream().allMatch(p -> p.invocations() == 2));
        assertEquals(interpreter.macs(), interpreter.profile().stream().mapToLong(OpProfile::macs).sum());
        assertTrue(interpreter.macs() > 0);
    }
}
