"""One real entry per content file, copied from content/, as the schemas' ``examples``.

Editors see them in VS Code's hover and completion.  They are copies, not live content:
when the content they came from changes, these may lag behind, and that is harmless.
"""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, dict[str, Any]] = {'section': {'id': 'hype-vs-reality',
             'order': 1,
             'title': 'Hype vs reality',
             'summary': 'The famous "$5.6 million" is DeepSeek\'s own rental-price estimate for '
                        'the final training run of its V3 model, not the cost of building R1 or of '
                        'running the company [@deepseek-v3-techreport-2024; '
                        '@economictimes-2025-bernstein-deepseek-not-5m]. The engineering is real, '
                        "but analysts such as Bernstein's Stacy Rasgon say it rests on known ideas "
                        'rather than secret ones [@ap-2025-01-27-what-is-deepseek].',
             'body': '### Two releases, one story\n',
             'takeaways': ["The $5.576M figure is V3's final training run at an assumed $2 per GPU "
                           'hour; it excludes earlier research, ablation experiments and '
                           'infrastructure [@deepseek-v3-techreport-2024; '
                           '@economictimes-2025-bernstein-deepseek-not-5m].'],
             'related': ['rising-star', 'r1-sputnik-moment'],
             'figures': [{'value': '$5.576M',
                          'caption': "DeepSeek's own estimate for V3's final training run (2.788M "
                                     'H800 GPU hours at an assumed $2 rental per hour); it '
                                     'excludes earlier research and ablation experiments, and '
                                     'Bernstein notes it leaves out infrastructure costs; it is '
                                     "not R1's cost.",
                          'sources': ['deepseek-v3-techreport-2024',
                                      'economictimes-2025-bernstein-deepseek-not-5m']}],
             'claims': [{'id': 'trained-for-6-million',
                         'statement': "DeepSeek built a model as good as OpenAI's for about $6 "
                                      'million.',
                         'claimant': 'Widely repeated in coverage of the January 27 sell-off',
                         'date': '2025-01-27',
                         'verdict': 'misleading',
                         'reason': "The $5.576M figure is real, but it covers only V3's final "
                                   'training run at rental prices, not the research, hardware or '
                                   'the R1 step.',
                         'evidence': "CNBC tied Nvidia's record fall to DeepSeek's claim that it "
                                     'built a model with H800 chips for\n'
                                     'under $6 million [@cnbc-2025-01-27-nvidia-600b]. The number '
                                     'comes from the V3 report, which\n'
                                     'prices 2.788M GPU hours at $2 an hour and says the total '
                                     'excludes prior research and ablation\n'
                                     'experiments [@deepseek-v3-techreport-2024, Table 1].\n'
                                     '\n'
                                     'Bernstein wrote that DeepSeek did not "build OpenAI for USD '
                                     '5M"\n'
                                     '[@economictimes-2025-bernstein-deepseek-not-5m], and '
                                     "SemiAnalysis estimates DeepSeek's total\n"
                                     'server capital spending at about $1.6 billion '
                                     '[@semianalysis-2025-deepseek-debates]. The\n'
                                     "figure is for V3; R1's extra cost was not disclosed\n"
                                     '[@raschka-2025-understanding-reasoning-llms].\n'}]},
 'glossary': {'entries': [{'id': 'nvidia-h800',
                           'term': 'H800',
                           'kind': 'product',
                           'aliases': ['H800s', 'Nvidia H800', 'Nvidia H800s'],
                           'short': "A China-market version of Nvidia's H100 with slower "
                                    'chip-to-chip links, exportable until the October 2023 US '
                                    'rule; DeepSeek trained V3 on 2,048 of them.',
                           'body': 'Nvidia made the H800 after the October 2022 rules blocked '
                                   '[[nvidia-h100|H100]] sales to China. It uses the same Hopper '
                                   'silicon as the H100, but its chip-to-chip ([[nvlink|NVLink]]) '
                                   'bandwidth is cut to fit the rules [@tomshardware-2023-h800; '
                                   '@philisun-h800-vs-h100]. Reported NVLink figures differ (300 '
                                   'or 400 GB/s, depending on the version and the source) '
                                   '[@philisun-h800-vs-h100]. Lennart Heim and Sihao Huang write '
                                   "that for DeepSeek's workloads the H800 performs much like an "
                                   'H100 [@heim-huang-2025-rise-of-deepseek].\n'
                                   '\n'
                                   'The H800 could be exported to China legally when it launched, '
                                   'but the October 17, 2023 rule brought it under licence '
                                   'requirements [@videocardz-2023-10-18-h800-restricted; '
                                   '@bis-2023-10-17-press-release]. Calling it "not banned" is '
                                   'therefore true only before October 2023. No source we have '
                                   'establishes when DeepSeek bought its H800s. DeepSeek says V3 '
                                   'was trained on 2,048 of them [@deepseek-v3-techreport-2024], '
                                   'and Nvidia called the chips DeepSeek used "fully export '
                                   'control compliant" '
                                   '[@slicast-2025-nvidia-statement-deepseek].\n',
                           'see_also': ['nvidia-h100', 'nvlink', 'export-controls', 'deepseek-v3'],
                           'sources': ['tomshardware-2023-h800',
                                       'videocardz-2023-10-18-h800-restricted',
                                       'deepseek-v3-techreport-2024']}]},
 'timeline': {'events': [{'id': 'deepseek-v3-release',
                          'date': '2024-12-26',
                          'title': 'DeepSeek releases V3 and its technical report',
                          'description': 'DeepSeek-V3, a mixture-of-experts model with 671 billion '
                                         'parameters of which 37 billion are active per token, was '
                                         'released on GitHub on 26 December 2024; its technical '
                                         'report was listed on arXiv the next day '
                                         '[@deepseek-v3-techreport-2024]. The report puts the '
                                         'official training run at 2.788 million H800 GPU hours, '
                                         'or $5.576 million at an assumed $2 per GPU hour '
                                         '[@deepseek-v3-techreport-2024, Table 1], and says this '
                                         'excludes prior research and ablation experiments '
                                         "[@deepseek-v3-techreport-2024]. V3's code is "
                                         "MIT-licensed, but its weights came under DeepSeek's own "
                                         'Model License [@deepseek-v3-github-readme].',
                          'category': 'model-release',
                          'sections': ['hype-vs-reality',
                                       'rising-star',
                                       'open-source-test-time-scaling'],
                          'sources': ['deepseek-v3-techreport-2024',
                                      'deepseek-v3-github-readme']}]},
 'sources': {'sources': [{'id': 'deepseek-v3-techreport-2024',
                          'kind': 'paper',
                          'title': 'DeepSeek-V3 Technical Report',
                          'outlet': 'arXiv',
                          'authors': ['DeepSeek-AI'],
                          'published': '2024-12-27',
                          'url': 'https://arxiv.org/abs/2412.19437',
                          'language': 'en',
                          'note': 'Primary source for 671B/37B MoE, 14.8T tokens, 2.788M H800 GPU '
                                  'hours on 2,048 H800s, $5.576M at $2/hour excluding prior '
                                  'research and ablations.'}]},
 'home': {'title': 'DeepSeek R1: separating the hype from what is true',
          'hook': 'On 20 January 2025 DeepSeek, a Hangzhou start-up led by Liang Wenfeng, '
                  'co-founder of the quant fund High-Flyer [@ap-2025-01-27-what-is-deepseek; '
                  '@cna-2025-01-28-liang-wenfeng], released R1, a reasoning model it said performs '
                  "comparably to OpenAI's o1, with its weights under the MIT licence "
                  "[@deepseek-r1-github-repo]. A week later its chatbot topped Apple's App Store "
                  "in the US [@techcrunch-2025-01-27-deepseek-displaces-chatgpt] and Nvidia's "
                  'shares fell 17% in a day, a loss CNBC put at close to $600 billion '
                  '[@cnbc-2025-01-27-nvidia-600b]. Much of the alarm rested on a "$6 million" '
                  'training bill that counts only the final run of an earlier model, V3 '
                  '[@deepseek-v3-techreport-2024]. This site checks the claims one by one, '
                  'explains the technology and the chip politics behind them, and cites a source '
                  'for every fact.',
          'key_dates': ['deepseek-v3-release',
                        'r1-released',
                        'eo-14179-signed',
                        'app-store-number-one',
                        'nvidia-record-loss']}}
