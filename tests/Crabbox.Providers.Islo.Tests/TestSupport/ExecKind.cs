using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Tells the backend's execs apart: the user's command runs in the workspace, artifact reads under <c>timeout</c>, the rest are helper scripts.</summary>
internal static class ExecKind
{
    public static bool IsWorkload(IsloExecRequest request) => request.Workdir is not null;

    public static bool IsArtifactRead(IsloExecRequest request) => request.Command[0] == "timeout";

    public static bool IsHelper(IsloExecRequest request) => !IsWorkload(request) && !IsArtifactRead(request);
}
