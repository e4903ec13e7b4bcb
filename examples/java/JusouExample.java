// A vendor on the JVM calling jusou through its C ABI with JNA (Debian: libjna-java).
//
//   javac -cp /usr/share/java/jna.jar -d target/java examples/java/JusouExample.java
//   java -cp /usr/share/java/jna.jar:target/java -Djna.library.path=target/debug \
//        JusouExample fixtures/cases/niiza-8050-model.json [MUNICIPALITY.json] [AS_OF]
//
// Prints the routing decision as JSON (the same answer as `jusou api route CASE.json`), then a
// one-line summary on standard error. Exit 1 when jusou answers with errors.

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public final class JusouExample {
    /** The C ABI of jusou-ffi (include/jusou.h). Strings go in as UTF-8. */
    public interface Jusou extends Library {
        Jusou LIB = Native.load("jusou_ffi", Jusou.class,
                java.util.Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

        Pointer jusou_engine_new(String municipalityJson, String asOf, PointerByReference err);

        Pointer jusou_engine_call(Pointer engine, String op, String input);

        void jusou_string_free(Pointer s);

        void jusou_engine_free(Pointer engine);

        String jusou_version();
    }

    /** Copy a string jusou returned, then free it with jusou's own free function. */
    static String take(Pointer p) {
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Jusou.LIB.jusou_string_free(p);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: JusouExample CASE.json [MUNICIPALITY.json] [AS_OF]");
            System.exit(2);
        }
        String caseJson = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String municipality = args.length > 1 ? Files.readString(Path.of(args[1]), StandardCharsets.UTF_8) : null;
        String asOf = args.length > 2 ? args[2] : null;

        PointerByReference err = new PointerByReference();
        Pointer engine = Jusou.LIB.jusou_engine_new(municipality, asOf, err);
        if (engine == null) {
            System.err.println("engine refused: " + take(err.getValue()));
            System.exit(1);
        }
        try {
            String answer = take(Jusou.LIB.jusou_engine_call(engine, "route", caseJson));
            System.out.println(answer);
            // Any JSON library reads the answer; a vendor would map it to its own classes.
            boolean error = answer.startsWith("{\"errors\"");
            System.err.println("jusou " + Jusou.LIB.jusou_version() + ": "
                    + (error ? "errors" : "decision") + ", multi_agency="
                    + answer.contains("\"multi_agency\":true"));
            if (error) {
                System.exit(1);
            }
        } finally {
            Jusou.LIB.jusou_engine_free(engine);
        }
    }
}
