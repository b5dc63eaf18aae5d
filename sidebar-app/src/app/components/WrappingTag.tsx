/**
 * Garden's Tag, allowed to wrap: a Tag is one line high and cuts its text with an ellipsis,
 * which clipped longer translations ("Außerhalb des gesunden Bereic…"). Status words must
 * be read whole, in every language, at any width.
 */
import { Tag } from '@zendeskgarden/react-tags';
import styled from 'styled-components';

export const WrappingTag = styled(Tag)`
  && {
    height: auto;
    min-height: ${(p) => p.theme.space.base * 5}px;
    padding-top: 2px;
    padding-bottom: 2px;
    white-space: normal;
    text-align: left;
    line-height: ${(p) => p.theme.lineHeights.sm};
    overflow: visible;
  }
  && > * {
    white-space: normal;
  }
`;
