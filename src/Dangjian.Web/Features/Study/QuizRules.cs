namespace Dangjian.Web.Features.Study;

/// <summary>Pure rules of questions and answers: option letters, normalising a response, scoring an objective answer.</summary>
public static class QuizRules
{
    public const string True = "对";
    public const string False = "错";

    public static IReadOnlyList<string> OptionsOf(string? options) =>
        (options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static char Letter(int index) => (char)('A' + index);

    public static bool IsObjective(QuestionType type) => type != QuestionType.ShortAnswer;

    public static string Label(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "单选题",
        QuestionType.MultipleChoice => "多选题",
        QuestionType.TrueFalse => "判断题",
        _ => "简答题",
    };

    /// <summary>Reads a question type from a spreadsheet cell (单选, 多选, 判断, 简答 or the English names).</summary>
    public static QuestionType? ParseType(string? text) => (text ?? "").Trim() switch
    {
        "单选" or "单选题" or "SingleChoice" => QuestionType.SingleChoice,
        "多选" or "多选题" or "MultipleChoice" => QuestionType.MultipleChoice,
        "判断" or "判断题" or "TrueFalse" => QuestionType.TrueFalse,
        "简答" or "简答题" or "问答" or "ShortAnswer" => QuestionType.ShortAnswer,
        _ => null,
    };

    /// <summary>
    /// The canonical form of a response — sorted distinct letters for choices, 对/错 for true/false, trimmed text for
    /// short answers — or a Chinese reason it cannot be an answer to this question (e.g. a tampered form).
    /// </summary>
    public static (string? Value, string? Problem) Normalize(QuestionType type, int optionCount, string? response)
    {
        var text = (response ?? "").Trim();
        switch (type)
        {
            case QuestionType.SingleChoice:
            case QuestionType.MultipleChoice:
                var letters = text.ToUpperInvariant().Where(c => c is not (',' or ' ' or '，' or '、')).ToList();
                if (letters.Count == 0)
                {
                    return ("", null);
                }

                if (letters.Any(c => c < 'A' || c >= Letter(optionCount)) || letters.Distinct().Count() != letters.Count)
                {
                    return (null, "答案不是本题的选项。");
                }

                if (type == QuestionType.SingleChoice && letters.Count > 1)
                {
                    return (null, "单选题只能选一个答案。");
                }

                return (new string([.. letters.Order()]), null);
            case QuestionType.TrueFalse:
                return text switch
                {
                    "" => ("", null),
                    "对" or "正确" or "√" or "T" or "true" or "True" or "是" => (True, null),
                    "错" or "错误" or "×" or "F" or "false" or "False" or "否" => (False, null),
                    _ => (null, "判断题只能答“对”或“错”。"),
                };
            default:
                return text.Length > 4000 ? (null, "简答题答案不能超过4000字。") : (text, null);
        }
    }

    /// <summary>Checks a bank question: stem, options for choices, and an answer that fits the options.</summary>
    public static string? Validate(QuestionType type, string? stem, string? options, string? answer, int points)
    {
        if (string.IsNullOrWhiteSpace(stem) || stem.Trim().Length > Question.StemMax)
        {
            return "请填写题干（不超过2000字）。";
        }

        if (points is < 1 or > 100)
        {
            return "分值须在1到100之间。";
        }

        var count = OptionsOf(options).Count;
        if (type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            if (count is < 2 or > 8)
            {
                return "选择题须有2到8个选项，每行一个。";
            }
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return type == QuestionType.ShortAnswer ? "请填写参考答案。" : "请填写正确答案。";
        }

        var (value, problem) = Normalize(type, count, answer);
        if (problem is not null || string.IsNullOrEmpty(value))
        {
            return type switch
            {
                QuestionType.SingleChoice => $"单选题答案须是一个选项字母（A–{Letter(count - 1)}）。",
                QuestionType.MultipleChoice => $"多选题答案须是选项字母（A–{Letter(count - 1)}），如 AC。",
                QuestionType.TrueFalse => "判断题答案须是“对”或“错”。",
                _ => problem,
            };
        }

        return null;
    }

    /// <summary>Points earned by a normalised objective response: all or nothing.</summary>
    public static int Score(QuestionType type, string normalizedAnswer, string normalizedResponse, int points) =>
        IsObjective(type) && normalizedResponse.Length > 0 && normalizedResponse == normalizedAnswer ? points : 0;
}
