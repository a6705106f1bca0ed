using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>An <see cref="AdhocWorkspace"/> holding one C# project made of the test sources, with the generator tests' references.</summary>
internal static class TestWorkspace
{
    public static (AdhocWorkspace Workspace, ProjectId Project) Create(IReadOnlyList<string> sources)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "NetGenFixTest",
            "NetGenFixTest",
            LanguageNames.CSharp,
            compilationOptions: TestReferences.CompilationOptions,
            parseOptions: TestReferences.ParseOptions,
            metadataReferences: TestReferences.Metadata));

        for (var index = 0; index < sources.Count; index++)
        {
            var path = SourcePaths.Of(index);
            workspace.AddDocument(DocumentInfo.Create(
                DocumentId.CreateNewId(project.Id),
                path,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(sources[index]), VersionStamp.Create(), path)),
                filePath: path));
        }

        return (workspace, project.Id);
    }

    /// <summary>The texts of the project's documents, in the order the sources were given.</summary>
    public static async Task<IReadOnlyList<string>> TextsAsync(Project project)
    {
        var texts = new List<string>();
        for (var index = 0; index < project.Documents.Count(); index++)
        {
            var text = await DocumentAt(project, SourcePaths.Of(index)).GetTextAsync();
            texts.Add(text.ToString());
        }

        return texts;
    }

    public static Document DocumentAt(Project project, string path) =>
        Assert.Single(project.Documents, document => document.FilePath == path);
}
