namespace NetGen;

/// <summary>What a layer of <see cref="INetwork.Layers"/> is: one member per layer attribute, named as the attribute without "Attribute".</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer (<see cref="DenseLayerInfo"/>).</summary>
    Dense,
    /// <summary>A view of the layer below as a vector (<see cref="ViewLayerInfo"/>).</summary>
    Flatten,
    /// <summary>A 2-D convolution (<see cref="Conv2DLayerInfo"/>).</summary>
    Conv2D,
    /// <summary>Max pooling (<see cref="Pool2DLayerInfo"/>).</summary>
    MaxPool2D,
    /// <summary>Average pooling (<see cref="Pool2DLayerInfo"/>).</summary>
    AvgPool2D,
    /// <summary>A view of the layer below under new dimensions (<see cref="ViewLayerInfo"/>).</summary>
    Reshape,
    /// <summary>Inverted dropout (<see cref="DropoutLayerInfo"/>).</summary>
    Dropout,
    /// <summary>Batch normalisation (<see cref="BatchNormLayerInfo"/>).</summary>
    BatchNorm,
    /// <summary>Maxout (<see cref="MaxoutLayerInfo"/>).</summary>
    Maxout,
    /// <summary>Radial basis functions (<see cref="RbfLayerInfo"/>).</summary>
    Rbf,
    /// <summary>An Elman recurrent layer (<see cref="RecurrentLayerInfo"/>).</summary>
    SimpleRnn,
    /// <summary>Long short-term memory (<see cref="RecurrentLayerInfo"/>).</summary>
    Lstm,
    /// <summary>A gated recurrent unit (<see cref="RecurrentLayerInfo"/>).</summary>
    Gru,
}
