using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes what users call on a network: INetwork's members (buffers, tensors, seed and step count, last outputs) and the
/// public API (forward, loss, gradients, training step, prediction, fitting, evaluation, checkpoints, datasets).
/// </summary>
internal static class PublicApiEmitter
{
    public static void WriteInterfaceMembers(IndentedWriter writer, NetworkPlan plan)
    {
        var output = PassEmitter.OutputLayer(plan);
        writer.Line("/// <summary>Every parameter in one buffer; <see cref=\"Layers\"/> names its slices.</summary>");
        writer.Line("public global::System.Span<float> Parameters => _parameters;");
        writer.Line("/// <summary>The gradients of the last <see cref=\"ComputeGradients\"/>, laid out like <see cref=\"Parameters\"/>.</summary>");
        writer.Line("public global::System.ReadOnlySpan<float> Gradients => _gradients;");
        writer.Line("/// <summary>The named, shaped slices of <see cref=\"Parameters\"/>.</summary>");
        writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::NetGen.ParameterTensor> ParameterTensors => s_parameterTensors;");
        writer.Line("global::System.Collections.Generic.IReadOnlyList<global::NetGen.LayerInfo> global::NetGen.INetwork.Layers => " + LayerInfoEmitter.Field + ";");
        writer.Line("/// <summary>Layer state that is not trained, saved in checkpoints; <see cref=\"Layers\"/> names its slices.</summary>");
        writer.Line("public global::System.Span<float> State => _state;");
        writer.Line("/// <summary>The named, shaped slices of <see cref=\"State\"/>.</summary>");
        writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::NetGen.StateTensor> StateTensors => s_stateTensors;");
        writer.Line("/// <summary>The seed of the last <see cref=\"Initialize\"/>: the initial parameters and the random streams of stochastic layers.</summary>");
        writer.Line("public int Seed => _seed;");
        writer.Line("/// <summary>Training steps taken; the counter of the stochastic layers' random streams.</summary>");
        writer.Line("public long TrainingSteps");
        writer.Line("{");
        writer.Line("    get => _trainingSteps;");
        writer.Line("    set => _trainingSteps = value >= 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"TrainingSteps cannot be negative.\");");
        writer.Line("}");
        writer.Line("/// <summary>The outputs of the last forward pass" +
                    (plan.Network.Loss == LossKind.SoftmaxCrossEntropy ? " (logits: the loss applies softmax)" : string.Empty) + ".</summary>");
        writer.Line("public global::System.ReadOnlySpan<float> LastOutputs => " +
                    Literals.Prefix(output.Output, "_lastBatchSize * OutputSize") + ";");
        writer.Line("string global::NetGen.INetwork.Name => NetworkName;");
        writer.Line("int global::NetGen.INetwork.InputSize => InputSize;");
        writer.Line("int global::NetGen.INetwork.OutputSize => OutputSize;");
        writer.Line("int global::NetGen.INetwork.ParameterCount => ParameterCount;");
        writer.Line("global::NetGen.Loss global::NetGen.INetwork.Loss => LossFunction;");
        writer.Line("global::NetGen.LossReduction global::NetGen.INetwork.Reduction => global::NetGen.LossReduction." + plan.Network.Reduction + ";");
        writer.Line("global::NetGen.AccuracyKind global::NetGen.INetwork.Accuracy => global::NetGen.AccuracyKind." + plan.Accuracy + ";");
        writer.Line("global::NetGen.Cuda.CudaProgram global::NetGen.INetwork.CudaProgram => CudaProgram;");
        writer.Line();
    }

    public static void WritePublicApi(IndentedWriter writer, NetworkPlan plan)
    {
        var softmaxPrediction = plan.Network.Loss == LossKind.SoftmaxCrossEntropy;
        writer.Line("/// <summary>Runs a batch of samples forward and copies the outputs" +
                    (softmaxPrediction ? " (logits)" : string.Empty) + " to <paramref name=\"outputs\"/> (inference mode).</summary>");
        writer.Open("public void Forward(global::System.ReadOnlySpan<float> inputs, global::System.Span<float> outputs)");
        writer.Line("var batchSize = CheckInputs(inputs);");
        writer.Line(RuntimeTypes.Internal + "NetworkGuard.SameSampleCount(NetworkName, nameof(outputs), outputs.Length, OutputSize, OutputShapeText, batchSize);");
        writer.Line("RunForward(inputs, batchSize, training: false);");
        writer.Line("LastOutputs.CopyTo(outputs);");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Runs a batch forward in inference mode and returns its loss.</summary>");
        writer.Open("public float ComputeLoss(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)");
        writer.Line("var batchSize = CheckInputs(inputs);");
        writer.Line("CheckTargets(targets, batchSize);");
        writer.Line("RunForward(inputs, batchSize, training: false);");
        writer.Line("return RunLoss(targets, batchSize, computeGradient: false);");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Forward in training mode, loss and backward for a batch, counting a training step: fills <see cref=\"Gradients\"/> and returns the loss. Allocates nothing once the batch size has been seen.</summary>");
        writer.Open("public float ComputeGradients(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)");
        writer.Line("var batchSize = CheckInputs(inputs);");
        writer.Line("CheckTargets(targets, batchSize);");
        writer.Line("_trainingSteps++;");
        writer.Line("RunForward(inputs, batchSize, training: true);");
        writer.Line("var loss = RunLoss(targets, batchSize, computeGradient: true);");
        writer.Line("RunBackward(inputs, batchSize);");
        writer.Line("return loss;");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>One training step on a batch: gradients, then the optimizer's update. Returns the batch's loss.</summary>");
        writer.Open("public float TrainStep(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets, global::NetGen.Optimizers.Optimizer optimizer)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(optimizer);");
        writer.Line("var loss = ComputeGradients(inputs, targets);");
        writer.Line("optimizer.Step(_parameters, _gradients);");
        writer.Line("return loss;");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>The prediction for one sample" + (softmaxPrediction ? ": class probabilities (softmax of the logits)" : string.Empty) + ".</summary>");
        writer.Open("public float[] Predict(global::System.ReadOnlySpan<float> sample)");
        writer.Line(RuntimeTypes.Internal + "NetworkGuard.SameSampleCount(NetworkName, nameof(sample), sample.Length, InputSize, InputShapeText, 1);");
        writer.Line("var prediction = new float[OutputSize];");
        writer.Line("Predict(sample, prediction);");
        writer.Line("return prediction;");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Predictions for a batch of samples, written to <paramref name=\"predictions\"/>" +
                    (softmaxPrediction ? " as class probabilities" : string.Empty) + ".</summary>");
        writer.Open("public void Predict(global::System.ReadOnlySpan<float> samples, global::System.Span<float> predictions)");
        writer.Line("var batchSize = " + RuntimeTypes.Internal + "NetworkGuard.SampleCount(NetworkName, nameof(samples), samples.Length, InputSize, InputShapeText);");
        writer.Line(RuntimeTypes.Internal + "NetworkGuard.SameSampleCount(NetworkName, nameof(predictions), predictions.Length, OutputSize, OutputShapeText, batchSize);");
        writer.Line("Forward(samples, predictions);");
        if (softmaxPrediction)
        {
            writer.Line(RuntimeTypes.Internal + "SoftmaxKernels.Softmax(predictions, predictions, predictions.Length / OutputSize, OutputSize);");
        }

        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Trains on <paramref name=\"inputs\"/> and <paramref name=\"targets\"/> (sample after sample) and returns the per-epoch history.</summary>");
        writer.Open("public global::NetGen.TrainingHistory Fit(float[] inputs, float[] targets, global::NetGen.TrainingOptions? options = null)");
        writer.Line("return global::NetGen.Trainer.Fit(this, CreateDataset(inputs, targets), options);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Trains on <paramref name=\"training\"/> and returns the per-epoch history.</summary>");
        writer.Line("public global::NetGen.TrainingHistory Fit(global::NetGen.Dataset training, global::NetGen.TrainingOptions? options = null) => global::NetGen.Trainer.Fit(this, training, options);");
        writer.Line();
        writer.Line("/// <summary>The mean loss and the accuracy on <paramref name=\"inputs\"/> and <paramref name=\"targets\"/>.</summary>");
        writer.Line("public global::NetGen.Evaluation Evaluate(float[] inputs, float[] targets, int batchSize = 256) => global::NetGen.Trainer.Evaluate(this, CreateDataset(inputs, targets), batchSize);");
        writer.Line();
        writer.Line("/// <summary>The mean loss and the accuracy on <paramref name=\"data\"/>.</summary>");
        writer.Line("public global::NetGen.Evaluation Evaluate(global::NetGen.Dataset data, int batchSize = 256) => global::NetGen.Trainer.Evaluate(this, data, batchSize);");
        writer.Line();

        writer.Line("/// <summary>Saves every parameter tensor, named and shaped, to <paramref name=\"path\"/>.</summary>");
        writer.Line("public void SaveWeights(string path) => global::NetGen.Checkpoint.Save(this, path);");
        writer.Line();
        writer.Line("/// <summary>Loads parameters saved by <see cref=\"SaveWeights\"/>; a file of another network or shape is refused.</summary>");
        writer.Line("public void LoadWeights(string path) => global::NetGen.Checkpoint.Load(this, path);");
        writer.Line();
        writer.Line("/// <summary>Wraps arrays as a dataset after checking that they hold whole samples of this network's shapes.</summary>");
        writer.Open("public static global::NetGen.Dataset CreateDataset(float[] inputs, float[] targets)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(inputs);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(targets);");
        writer.Line("var samples = " + RuntimeTypes.Internal + "NetworkGuard.SampleCount(NetworkName, nameof(inputs), inputs.Length, InputSize, InputShapeText);");
        writer.Line(RuntimeTypes.Internal + "NetworkGuard.SameSampleCount(NetworkName, nameof(targets), targets.Length, OutputSize, OutputShapeText, samples);");
        writer.Line("return new global::NetGen.Dataset(inputs, targets, InputSize, OutputSize);");
        writer.Close();
        writer.Line();

        writer.Line("private static int CheckInputs(global::System.ReadOnlySpan<float> inputs) =>");
        writer.Line("    " + RuntimeTypes.Internal + "NetworkGuard.SampleCount(NetworkName, nameof(inputs), inputs.Length, InputSize, InputShapeText);");
        writer.Line();
        writer.Line("private static void CheckTargets(global::System.ReadOnlySpan<float> targets, int batchSize) =>");
        writer.Line("    " + RuntimeTypes.Internal + "NetworkGuard.SameSampleCount(NetworkName, nameof(targets), targets.Length, OutputSize, OutputShapeText, batchSize);");
        writer.Line();
    }
}
