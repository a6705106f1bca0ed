using System;

namespace NetGen
{
    /// <summary>
    /// Declares a self-organising (Kohonen) map: a grid of rows × columns units, each holding a prototype of inputSize floats. Put it on a <c>partial</c> class; the NetGen generator derives the
    /// class from <c>NetGen.Maps.SelfOrganizingMap</c>, which trains it, and adds the constants <c>Rows</c>, <c>Columns</c>,
    /// <c>InputSize</c> and <c>UnitCount</c> and a parameterless constructor.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SelfOrganizingMapAttribute : Attribute
    {
        /// <summary>A map of <paramref name="rows"/> × <paramref name="columns"/> units for samples of <paramref name="inputSize"/> floats.</summary>
        /// <param name="rows">Rows of the unit grid, at least 1.</param>
        /// <param name="columns">Columns of the unit grid, at least 1.</param>
        /// <param name="inputSize">Floats in one sample, and so in each unit's prototype, at least 1.</param>
        public SelfOrganizingMapAttribute(int rows, int columns, int inputSize)
        {
            Rows = rows;
            Columns = columns;
            InputSize = inputSize;
        }

        /// <summary>Rows of the unit grid.</summary>
        public int Rows { get; }

        /// <summary>Columns of the unit grid.</summary>
        public int Columns { get; }

        /// <summary>Floats in one sample.</summary>
        public int InputSize { get; }
    }
}
