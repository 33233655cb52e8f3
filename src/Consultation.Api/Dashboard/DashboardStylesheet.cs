namespace Consultation.Dashboard;

/// <summary>
/// The pages' one stylesheet, served by the host itself (no CDN, no bundle, works offline). Levels are told apart by
/// text first; colours only repeat it. Charts use classes, never inline styles (the content security policy forbids them).
/// </summary>
public static class DashboardStylesheet
{
    public const string Path = "/ui/dashboard.css";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Text(Css, "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private const string Css = """
        :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; --accent: #0b5cad;
                --consensus: #1a7f37; --broad: #4c9a2a; --emerging: #9a6700; --divergent: #cf222e; --insufficient: #6e7781; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
        header.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; padding: 10px 20px; background: #102a43; color: #fff; }
        header.top a { color: #fff; font-weight: 600; text-decoration: none; }
        header.top .who { font-size: 13px; }
        header.top form { display: inline; margin-left: 8px; }
        main { padding: 16px 20px 40px; max-width: 1200px; }
        h1 { font-size: 24px; margin: 8px 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        nav.crumbs { font-size: 13px; color: var(--muted); }
        .issue-text { white-space: pre-line; max-width: 75ch; margin: 4px 0 12px; }
        .moment { border: 2px solid var(--accent); background: #eaf2fb; padding: 8px 12px; border-radius: 6px; margin: 12px 0; }
        .moment.past { border-color: #9a6700; background: #fff8c5; }
        .moment strong { font-size: 16px; }
        .moment form { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 16px 0 0; }
        table { border-collapse: collapse; margin: 8px 0 12px; width: 100%; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: var(--panel); font-weight: 600; }
        tbody th { background: transparent; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        .level { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; color: #fff; white-space: nowrap; }
        .level-Consensus { background: var(--consensus); }
        .level-BroadConvergence { background: var(--broad); }
        .level-Emerging { background: var(--emerging); }
        .level-Divergent { background: var(--divergent); }
        .level-InsufficientData { background: var(--insufficient); }
        .flag { color: #82071e; background: #ffebe9; border: 1px solid #ff8182; padding: 1px 6px; border-radius: 4px; font-weight: 600; }
        .agrees { color: var(--muted); }
        .weakest { background: #fff8c5; }
        .weakest-mark { font-weight: 700; color: #82071e; }
        .facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; padding: 0; list-style: none; }
        .facts li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; min-width: 120px; }
        .facts .label { display: block; font-size: 12px; color: var(--muted); }
        .facts .value { font-size: 18px; font-weight: 600; }
        .actions { border: 1px dashed var(--line); padding: 6px 12px; border-radius: 6px; }
        .muted { color: var(--muted); font-size: 13px; }
        .refusal { max-width: 720px; }
        .error { color: #82071e; }
        form.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 8px 0; }
        form.filters label, .signin label { display: flex; flex-direction: column; font-size: 13px; }
        .signin { max-width: 520px; }
        .signin fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; }
        .signin fieldset label { flex-direction: row; gap: 6px; font-size: 15px; }
        .signin input[type=text] { font-size: 15px; padding: 4px 6px; }
        button, input[type=submit] { font-size: 14px; padding: 4px 12px; cursor: pointer; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 6px 0; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .bar { fill: var(--accent); }
        svg.chart .bar.weakest { fill: #cf222e; }
        svg.chart .threshold { stroke: #9a6700; stroke-dasharray: 4 3; stroke-width: 1.5; }
        svg.chart .line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
        svg.chart .dot { fill: var(--accent); }
        svg.chart .phase { fill: #d8e6f5; stroke: #0b5cad; }
        svg.chart .meeting { fill: #9a6700; }
        svg.chart .today { stroke: #cf222e; stroke-width: 1.5; }
        svg.chart .stance-m2 { fill: #cf222e; } svg.chart .stance-m1 { fill: #fb8f44; } svg.chart .stance-0 { fill: #8c959f; }
        svg.chart .stance-p1 { fill: #4c9a2a; } svg.chart .stance-p2 { fill: #1a7f37; }
        .pager { display: flex; gap: 12px; align-items: center; }
        """;
}
