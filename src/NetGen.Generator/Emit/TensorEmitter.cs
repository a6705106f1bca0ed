using System.Linq;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes a network's tensors: the <c>Layers</c> table of shapes and named slices, the parameter, gradient, state and
/// buffer fields, and the initialization of parameters (from the seed) and state (constants).
/// </summary>
internal static class TensorEmitter
{
    public static void WriteLayers(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Line("/// <summary>Every layer's shapes and parameter tensors, as constants.</summary>");
        writer.Open("public static class Layers");
        foreach (var layer in plan.Layers)
        {
            writer.Line("/// <summary>" + LayerCatalog.For(layer).Describe(layer) + ".</summary>");
            writer.Open("public static class " + Literals.LayerClass(layer.Name));
            writer.Line("public const int InputSize = " + Literals.Int(layer.InputSize) + ";");
            writer.Line("public const int OutputSize = " + Literals.Int(layer.OutputSize) + ";");
            writer.Line("public const int ParameterCount = " + Literals.Int(layer.ParameterCount) + ";");
            writer.Line("public const long BufferBytesPerSample = " + Literals.Long(PassEmitter.BufferBytesPerSample(layer)) + ";");
            foreach (var tensor in layer.Tensors)
            {
                if (tensor.Documentation is not null)
                {
                    writer.Line("/// <summary>" + tensor.Documentation + "</summary>");
                }

                writer.Line("public static readonly global::NetGen." + TensorType(tensor) + " " + tensor.Role + " = new(" +
                            Literals.String(layer.Name + "." + tensor.Role) + ", " + Literals.Int(tensor.Offset) + ", " + Literals.Shape(tensor.Shape) + ");");
            }

            writer.Close();
        }

        writer.Close();
        writer.Line();
    }

    public static void WriteFields(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Line("private static readonly global::NetGen.ParameterTensor[] s_parameterTensors = { " + TensorList(plan, TensorStorage.Parameters) + " };");
        writer.Line("private static readonly global::NetGen.StateTensor[] s_stateTensors = " +
                    (plan.StateCount > 0 ? "{ " + TensorList(plan, TensorStorage.State) + " }" : "global::System.Array.Empty<global::NetGen.StateTensor>()") + ";");
        LayerInfoEmitter.WriteField(writer, plan);
        writer.Line();
        writer.Line("private readonly float[] _parameters = CreateParameters(seed: 0);");
        writer.Line("private readonly float[] _gradients = new float[ParameterCount];");
        writer.Line("private readonly float[] _state = " + (plan.StateCount > 0 ? "CreateState()" : "global::System.Array.Empty<float>()") + ";");
        writer.Line("private int _seed;");
        writer.Line("private long _trainingSteps;");
        writer.Line("private int _batchCapacity;");
        writer.Line("private int _lastBatchSize;");
        PassEmitter.WriteBufferFields(writer, plan);
        writer.Line();
    }

    public static void WriteInitialization(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Line("/// <summary>Re-initialises every parameter and the layer state from <paramref name=\"seed\"/>, and counts training steps from 0 again: the same seed gives the same network.</summary>");
        writer.Open("public void Initialize(int seed)");
        writer.Line("InitializeParameters(_parameters, seed);");
        if (plan.StateCount > 0)
        {
            writer.Line("InitializeState(_state);");
        }

        writer.Line("_seed = seed;");
        writer.Line("_trainingSteps = 0;");
        writer.Close();
        writer.Line();
        writer.Open("private static float[] CreateParameters(int seed)");
        writer.Line("var parameters = new float[ParameterCount];");
        writer.Line("InitializeParameters(parameters, seed);");
        writer.Line("return parameters;");
        writer.Close();
        writer.Line();
        writer.Open("private static void InitializeParameters(global::System.Span<float> parameters, int seed)");
        writer.Line("var random = new global::NetGen.SeededRandom(seed);");
        WriteTensorInitialization(writer, plan, TensorStorage.Parameters, "parameters");
        writer.Close();
        writer.Line();
        if (plan.StateCount > 0)
        {
            writer.Open("private static float[] CreateState()");
            writer.Line("var state = new float[StateCount];");
            writer.Line("InitializeState(state);");
            writer.Line("return state;");
            writer.Close();
            writer.Line();
            writer.Open("private static void InitializeState(global::System.Span<float> state)");
            WriteTensorInitialization(writer, plan, TensorStorage.State, "state");
            writer.Close();
            writer.Line();
        }
    }

    private static void WriteTensorInitialization(IndentedWriter writer, NetworkPlan plan, TensorStorage storage, string buffer)
    {
        foreach (var layer in plan.Layers)
        {
            foreach (var tensor in layer.Tensors.Where(tensor => tensor.Storage == storage))
            {
                var slice = "Layers." + Literals.LayerClass(layer.Name) + "." + tensor.Role + ".Slice(" + buffer + ")";
                var initialization = tensor.Initialization;
                writer.Line(
                    initialization.IsRandom
                        ? RuntimeTypes.Internal + "ParameterInitializer.Fill(" + slice + ", global::NetGen.Initializer." + initialization.Initializer +
                          ", fanIn: " + Literals.Int(initialization.FanIn) + ", fanOut: " + Literals.Int(initialization.FanOut) + ", random);"
                        : initialization.Constant == 0
                            ? slice + ".Clear();"
                            : slice + ".Fill(" + Literals.Float(initialization.Constant) + ");");
            }
        }
    }

    private static string TensorType(PlannedTensor tensor) => tensor.Storage == TensorStorage.State ? "StateTensor" : "ParameterTensor";

    private static string TensorList(NetworkPlan plan, TensorStorage storage) =>
        string.Join(", ", plan.Layers.SelectMany(layer => layer.Tensors.Where(tensor => tensor.Storage == storage).Select(tensor => "Layers." + Literals.LayerClass(layer.Name) + "." + tensor.Role)));
}
